import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currencyOptions } from '../../businesses/business-options';

/** The currency options of a document editor, keeping the document's own currency even if it is not listed. */
export function useCurrencyChoices(current: string) {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const options = currencyOptions(i18n.language);
    return options.some((o) => o.value === current) ? options : [{ value: current, label: current }, ...options];
  }, [i18n.language, current]);
}

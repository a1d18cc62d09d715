import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/Field';

/** The rate of a document in a foreign currency: how many base units one unit of it is worth. */
export function ExchangeRateField({
  currency,
  baseCurrency,
  value,
  onChange,
  error,
  autoFocus,
}: {
  currency: string;
  baseCurrency: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('purchases.exchangeRate', { from: currency, to: baseCurrency })}
      name="exchangeRate"
      inputMode="decimal"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      hint={t('purchases.exchangeRateHint', { from: currency, to: baseCurrency })}
      autoFocus={autoFocus}
    />
  );
}

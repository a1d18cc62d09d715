import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/Field';
import { currencyOptions } from '../../businesses/business-options';
import { CustomerPicker } from '../../invoices/components/CustomerPicker';
import { isBlankLine } from '../../invoices/components/editor-lines';
import type { DocumentDraft } from './document-draft';

/** Customer and currency: picking a customer takes their currency while no line is written yet. */
export function DocumentCustomerFields({
  businessId,
  baseCurrency,
  draft,
  onCustomer,
}: {
  businessId: string;
  baseCurrency: string;
  draft: DocumentDraft;
  onCustomer?: (customer: { paymentTermsDays: number }) => void;
}) {
  const { t, i18n } = useTranslation();
  const currencies = useMemo(() => {
    const options = currencyOptions(i18n.language);
    return options.some((o) => o.value === draft.currency) ? options : [{ value: draft.currency, label: draft.currency }, ...options];
  }, [i18n.language, draft.currency]);
  return (
    <div className="form-row">
      <CustomerPicker
        businessId={businessId}
        selectedName={draft.contact?.name ?? ''}
        autoFocus={!draft.contact}
        error={draft.errors.field('contactId') ?? (draft.missingCustomer ? t('invoices.chooseCustomer') : undefined)}
        onSelect={(c) => {
          draft.setContact({ id: c.id, name: c.name });
          if (draft.lines.every(isBlankLine)) draft.setCurrency(c.currency);
          onCustomer?.(c);
        }}
      />
      <SelectField
        label={t('invoices.fields.currency')}
        name="currency"
        value={draft.currency}
        options={currencies}
        onChange={(e) => draft.setCurrency(e.target.value)}
        error={draft.errors.field('currency')}
        hint={draft.currency !== baseCurrency ? t('sales.foreignCurrencyHint', { base: baseCurrency }) : undefined}
      />
    </div>
  );
}

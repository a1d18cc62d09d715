import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { useFormErrors } from '../../../lib/error-message';
import { moneyInputValue } from '../../../lib/money';
import { countryOptions, currencyOptions } from '../../businesses/business-options';
import type { CreateContactInput } from '../api/create-contact';
import type { Contact, ContactKind } from '../api/get-contacts';

const ADDRESS_FIELDS = ['line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;
type AddressField = (typeof ADDRESS_FIELDS)[number];

const FIELDS = [
  'name',
  'kind',
  'email',
  'phone',
  'taxId',
  'currency',
  'paymentTermsDays',
  'creditLimit',
  'notes',
  'billingAddress',
  ...ADDRESS_FIELDS.map((f) => `billingAddress.${f}`),
];

type Values = {
  name: string;
  kind: ContactKind;
  email: string;
  phone: string;
  taxId: string;
  currency: string;
  paymentTermsDays: string;
  creditLimit: string;
  notes: string;
  billing: Record<AddressField, string>;
};

function initialValues(contact: Contact | undefined, baseCurrency: string, defaultKind: ContactKind): Values {
  const address = contact?.billingAddress;
  return {
    name: contact?.name ?? '',
    kind: contact?.kind ?? defaultKind,
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    taxId: contact?.taxId ?? '',
    currency: contact?.currency ?? baseCurrency,
    paymentTermsDays: String(contact?.paymentTermsDays ?? 30),
    creditLimit: moneyInputValue(contact?.creditLimit),
    notes: contact?.notes ?? '',
    billing: Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, address?.[f] ?? ''])) as Record<AddressField, string>,
  };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

function toBody(values: Values): CreateContactInput {
  const billingGiven = ADDRESS_FIELDS.some((f) => values.billing[f].trim());
  const days = values.paymentTermsDays.trim();
  return {
    name: values.name.trim(),
    kind: values.kind,
    email: orNull(values.email),
    phone: orNull(values.phone),
    taxId: orNull(values.taxId),
    currency: values.currency,
    // Not a money amount: whole days. A non-number goes as-is so the API names the problem.
    paymentTermsDays: days === '' ? 0 : (Number(days) as number),
    creditLimit: orNull(values.creditLimit),
    notes: orNull(values.notes),
    billingAddress: billingGiven
      ? (Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, orNull(values.billing[f])])) as Record<AddressField, string | null>)
      : null,
  };
}

export function ContactForm({
  contact,
  baseCurrency,
  pending,
  error,
  onSubmit,
  onCancel,
  defaultKind = 'customer',
}: {
  contact?: Contact;
  baseCurrency: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: CreateContactInput) => void;
  onCancel: () => void;
  /** What a new contact is unless changed (the purchases section adds suppliers). */
  defaultKind?: ContactKind;
}) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState(() => initialValues(contact, baseCurrency, defaultKind));
  const errors = useFormErrors(error, FIELDS);
  const currencies = useMemo(() => {
    const options = currencyOptions(i18n.language);
    return options.some((o) => o.value === values.currency) ? options : [{ value: values.currency, label: values.currency }, ...options];
  }, [i18n.language, values.currency]);
  const countries = useMemo(
    () => countryOptions(i18n.language, t('business.fields.countryNone'), values.billing.country || null),
    [i18n.language, t, values.billing.country],
  );
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setBilling = (key: AddressField, value: string) => setValues((v) => ({ ...v, billing: { ...v.billing, [key]: value } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(toBody(values));
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="contact-form">
      <Card title={t('customers.form.basics')}>
        <div className="form">
          <div className="form-row">
            <TextField
              label={t('customers.fields.name')}
              name="name"
              value={values.name}
              onChange={(e) => set('name', e.target.value)}
              error={errors.field('name')}
              autoFocus
              required
            />
            <SelectField
              label={t('customers.fields.kind')}
              name="kind"
              value={values.kind}
              options={(['customer', 'supplier', 'both'] as const).map((k) => ({ value: k, label: t(`customers.kinds.${k}`) }))}
              onChange={(e) => set('kind', e.target.value as ContactKind)}
              error={errors.field('kind')}
            />
          </div>
          <div className="form-row">
            <TextField
              label={t('customers.fields.email')}
              name="email"
              type="email"
              inputMode="email"
              value={values.email}
              onChange={(e) => set('email', e.target.value)}
              error={errors.field('email')}
            />
            <TextField
              label={t('customers.fields.phone')}
              name="phone"
              type="tel"
              value={values.phone}
              onChange={(e) => set('phone', e.target.value)}
              error={errors.field('phone')}
            />
          </div>
          <TextField
            label={t('customers.fields.taxId')}
            name="taxId"
            value={values.taxId}
            onChange={(e) => set('taxId', e.target.value)}
            error={errors.field('taxId')}
          />
        </div>
      </Card>
      <Card title={t('customers.form.terms')} description={t('customers.form.termsHint')}>
        <div className="form-row form-row-3">
          <SelectField
            label={t('customers.fields.currency')}
            name="currency"
            value={values.currency}
            options={currencies}
            onChange={(e) => set('currency', e.target.value)}
            error={errors.field('currency')}
          />
          <TextField
            label={t('customers.fields.paymentTermsDays')}
            name="paymentTermsDays"
            inputMode="numeric"
            value={values.paymentTermsDays}
            onChange={(e) => set('paymentTermsDays', e.target.value)}
            error={errors.field('paymentTermsDays')}
            hint={t('customers.form.paymentTermsHint')}
          />
          <TextField
            label={t('customers.fields.creditLimit', { currency: values.currency })}
            name="creditLimit"
            inputMode="decimal"
            value={values.creditLimit}
            onChange={(e) => set('creditLimit', e.target.value)}
            error={errors.field('creditLimit')}
            hint={t('customers.form.creditLimitHint')}
          />
        </div>
      </Card>
      <Card title={t('customers.fields.billingAddress')}>
        <div className="form">
          <TextField
            label={t('customers.address.line1')}
            name="billingAddress.line1"
            value={values.billing.line1}
            onChange={(e) => setBilling('line1', e.target.value)}
            error={errors.field('billingAddress.line1')}
          />
          <TextField
            label={t('customers.address.line2')}
            name="billingAddress.line2"
            value={values.billing.line2}
            onChange={(e) => setBilling('line2', e.target.value)}
            error={errors.field('billingAddress.line2')}
          />
          <div className="form-row">
            <TextField
              label={t('customers.address.city')}
              name="billingAddress.city"
              value={values.billing.city}
              onChange={(e) => setBilling('city', e.target.value)}
              error={errors.field('billingAddress.city')}
            />
            <TextField
              label={t('customers.address.region')}
              name="billingAddress.region"
              value={values.billing.region}
              onChange={(e) => setBilling('region', e.target.value)}
              error={errors.field('billingAddress.region')}
            />
          </div>
          <div className="form-row">
            <TextField
              label={t('customers.address.postalCode')}
              name="billingAddress.postalCode"
              value={values.billing.postalCode}
              onChange={(e) => setBilling('postalCode', e.target.value)}
              error={errors.field('billingAddress.postalCode')}
            />
            <SelectField
              label={t('customers.address.country')}
              name="billingAddress.country"
              value={values.billing.country}
              options={countries}
              onChange={(e) => setBilling('country', e.target.value)}
              error={errors.field('billingAddress.country')}
            />
          </div>
        </div>
      </Card>
      <Card title={t('customers.fields.notes')}>
        <TextAreaField
          label={<span className="sr-only">{t('customers.fields.notes')}</span>}
          name="notes"
          value={values.notes}
          onChange={(e) => set('notes', e.target.value)}
          error={errors.field('notes')}
          placeholder={t('customers.form.notesPlaceholder')}
        />
      </Card>
      <FormError error={errors.general} extra={errors.unplacedFieldMessages} />
      <div className="form-actions">
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" pending={pending} pendingLabel={t('common.saving')} data-testid="save-contact">
          {contact ? t('common.save') : t('customers.create')}
        </Button>
      </div>
    </form>
  );
}

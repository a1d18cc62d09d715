import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../../components/AuthLayout';
import { Button } from '../../../components/Button';
import { SelectField, TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { useFormErrors } from '../../../lib/error-message';
import { useMe } from '../../../lib/me';
import { preferences } from '../../../lib/storage';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCreateBusiness } from '../api/create-business';
import {
  browserCountry,
  browserTimeZone,
  countryOptions,
  currencyForCountry,
  currencyOptions,
  timeZoneOptions,
} from '../business-options';

const FIELDS = ['name', 'baseCurrency', 'country', 'timezone'] as const;

export function CreateBusinessPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const createBusiness = useCreateBusiness();
  const [values, setValues] = useState(() => {
    const country = browserCountry();
    return { name: '', country, baseCurrency: currencyForCountry(country) ?? 'USD', timezone: browserTimeZone() };
  });
  const [currencyTouched, setCurrencyTouched] = useState(false);
  const errors = useFormErrors(createBusiness.error, FIELDS);
  useDocumentTitle(t('business.create.title'));

  const currencies = useMemo(() => currencyOptions(i18n.language), [i18n.language]);
  const countries = useMemo(() => countryOptions(i18n.language, t('business.fields.countryNone')), [i18n.language, t]);
  const timeZones = useMemo(() => timeZoneOptions(values.timezone), [values.timezone]);
  const hasBusinesses = (me.data?.businesses.length ?? 0) > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    createBusiness.mutate(
      {
        name: values.name.trim(),
        baseCurrency: values.baseCurrency,
        ...(values.country ? { country: values.country } : {}),
        ...(values.timezone ? { timezone: values.timezone } : {}),
      },
      {
        onSuccess: (business) => {
          preferences.setLastBusinessId(business.id);
          void navigate({ to: '/b/$businessId/dashboard', params: { businessId: business.id } });
        },
      },
    );
  };

  return (
    <AuthLayout
      wide
      title={hasBusinesses ? t('business.create.titleAnother') : t('business.create.title')}
      subtitle={t('business.create.subtitle')}
    >
      <form className="form" onSubmit={submit} noValidate data-testid="create-business-form">
        <TextField
          label={t('business.fields.name')}
          name="name"
          autoComplete="organization"
          value={values.name}
          onChange={(e) => setValues({ ...values, name: e.target.value })}
          error={errors.field('name')}
          placeholder={t('business.fields.namePlaceholder')}
          autoFocus
        />
        <div className="form-row">
          <SelectField
            label={t('business.fields.country')}
            name="country"
            options={countries}
            value={values.country}
            onChange={(e) => {
              const country = e.target.value;
              const suggested = currencyForCountry(country);
              setValues({
                ...values,
                country,
                baseCurrency: !currencyTouched && suggested ? suggested : values.baseCurrency,
              });
            }}
            error={errors.field('country')}
          />
          <SelectField
            label={t('business.fields.baseCurrency')}
            name="baseCurrency"
            options={currencies}
            value={values.baseCurrency}
            onChange={(e) => {
              setCurrencyTouched(true);
              setValues({ ...values, baseCurrency: e.target.value });
            }}
            error={errors.field('baseCurrency')}
            hint={t('business.fields.baseCurrencyHint')}
          />
        </div>
        <SelectField
          label={t('business.fields.timezone')}
          name="timezone"
          options={timeZones}
          value={values.timezone}
          onChange={(e) => setValues({ ...values, timezone: e.target.value })}
          error={errors.field('timezone')}
        />
        <FormError error={errors.general} extra={errors.unplacedFieldMessages} />
        <Button type="submit" block pending={createBusiness.isPending} pendingLabel={t('business.create.pending')} data-testid="create-business-submit">
          {t('business.create.submit')}
        </Button>
      </form>
      {hasBusinesses && (
        <p className="auth-switch">
          <Link to="/">{t('business.create.back')}</Link>
        </p>
      )}
    </AuthLayout>
  );
}

import { useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { SelectField, TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { ErrorState } from '../../../components/ErrorState';
import { Skeleton } from '../../../components/Skeleton';
import { useFormErrors } from '../../../lib/error-message';
import { currencyName, regionName, useFormatters } from '../../../lib/format';
import { allows } from '../../../lib/permissions';
import type { Business } from '../api/create-business';
import { useBusiness } from '../api/get-business';
import { useUpdateBusiness } from '../api/update-business';
import { countryOptions, timeZoneOptions } from '../business-options';

const PROFILE_FIELDS = ['addressLine1', 'addressLine2', 'city', 'region', 'postalCode', 'taxId', 'email', 'phone'] as const;
type ProfileField = (typeof PROFILE_FIELDS)[number];
const FIELDS = ['name', 'country', 'timezone', ...PROFILE_FIELDS] as const;

/** The address as printed on invoices: street lines, then "City, Region Postal code". */
function addressLines(b: Business): string[] {
  const cityLine = [b.city, [b.region, b.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [b.addressLine1, b.addressLine2, cityLine].filter((l): l is string => !!l);
}

export function BusinessProfile({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  const business = useBusiness(businessId);
  const [editing, setEditing] = useState(false);

  if (business.isPending) {
    return (
      <Card title={t('settings.profile.title')}>
        <div className="profile-skeleton" data-testid="loading">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} height={18} width={`${60 - i * 8}%`} />
          ))}
        </div>
      </Card>
    );
  }
  if (business.isError) {
    return <ErrorState error={business.error} onRetry={() => void business.refetch()} retrying={business.isFetching} />;
  }
  const canEdit = allows(business.data.permissions, 'business.update');
  return editing ? (
    <BusinessProfileForm business={business.data} onDone={() => setEditing(false)} />
  ) : (
    <Card
      title={t('settings.profile.title')}
      description={canEdit ? t('settings.profile.description') : t('settings.profile.readOnly')}
      testId="business-profile"
      actions={
        canEdit && (
          <Button variant="secondary" onClick={() => setEditing(true)} data-testid="edit-business">
            {t('common.edit')}
          </Button>
        )
      }
    >
      <BusinessFacts business={business.data} />
    </Card>
  );
}

function BusinessFacts({ business }: { business: Business }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const unset = <span className="muted">{t('common.notSet')}</span>;
  return (
    <dl className="facts">
      <div>
        <dt>{t('business.fields.name')}</dt>
        <dd data-testid="business-name">{business.name}</dd>
      </div>
      <div>
        <dt>{t('business.fields.baseCurrency')}</dt>
        <dd>
          {business.baseCurrency} · {currencyName(business.baseCurrency, i18n.language)}
        </dd>
      </div>
      <div>
        <dt>{t('business.fields.country')}</dt>
        <dd>{business.country ? regionName(business.country, i18n.language) : unset}</dd>
      </div>
      <div>
        <dt>{t('business.fields.timezone')}</dt>
        <dd>{business.timezone ?? unset}</dd>
      </div>
      <div>
        <dt>{t('business.fields.address')}</dt>
        <dd data-testid="business-address">
          {addressLines(business).length > 0
            ? addressLines(business).map((line) => (
                <span key={line} className="fact-line">
                  {line}
                </span>
              ))
            : unset}
        </dd>
      </div>
      <div>
        <dt>{t('business.fields.taxId')}</dt>
        <dd data-testid="business-tax-id">{business.taxId ?? unset}</dd>
      </div>
      <div>
        <dt>{t('business.fields.email')}</dt>
        <dd>{business.email ?? unset}</dd>
      </div>
      <div>
        <dt>{t('business.fields.phone')}</dt>
        <dd>{business.phone ?? unset}</dd>
      </div>
      <div>
        <dt>{t('business.fields.createdAt')}</dt>
        <dd>{format.date(business.createdAt)}</dd>
      </div>
    </dl>
  );
}

function BusinessProfileForm({ business, onDone }: { business: Business; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateBusiness(business.id);
  const [values, setValues] = useState({
    name: business.name,
    country: business.country ?? '',
    timezone: business.timezone ?? '',
    ...(Object.fromEntries(PROFILE_FIELDS.map((f) => [f, business[f] ?? ''])) as Record<ProfileField, string>),
  });
  const errors = useFormErrors(update.error, FIELDS);
  const text = (field: ProfileField) => ({
    name: field,
    value: values[field],
    onChange: (e: ChangeEvent<HTMLInputElement>) => setValues({ ...values, [field]: e.target.value }),
    error: errors.field(field),
  });
  const countries = useMemo(
    () => countryOptions(i18n.language, t('business.fields.countryNone'), business.country),
    [i18n.language, t, business.country],
  );
  const timeZones = useMemo(
    () => [{ value: '', label: t('common.notSet') }, ...timeZoneOptions(business.timezone)],
    [business.timezone, t],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        name: values.name.trim(),
        // An emptied field is cleared: the API stores no blank strings.
        country: values.country || null,
        ...(values.timezone ? { timezone: values.timezone } : {}),
        ...Object.fromEntries(PROFILE_FIELDS.map((f) => [f, values[f].trim() || null])),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <Card title={t('settings.profile.editTitle')} testId="business-profile-form">
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label={t('business.fields.name')}
          name="name"
          value={values.name}
          onChange={(e) => setValues({ ...values, name: e.target.value })}
          error={errors.field('name')}
          autoFocus
        />
        <div className="form-row">
          <SelectField
            label={t('business.fields.country')}
            name="country"
            options={countries}
            value={values.country}
            onChange={(e) => setValues({ ...values, country: e.target.value })}
            error={errors.field('country')}
          />
          <SelectField
            label={t('business.fields.timezone')}
            name="timezone"
            options={timeZones}
            value={values.timezone}
            onChange={(e) => setValues({ ...values, timezone: e.target.value })}
            error={errors.field('timezone')}
          />
        </div>
        <p className="field-hint">{t('settings.profile.currencyFixed', { currency: business.baseCurrency })}</p>
        <fieldset className="form-section">
          <legend className="form-section-title">{t('business.fields.address')}</legend>
          <TextField label={t('business.fields.addressLine1')} placeholder={t('business.fields.addressLine1Placeholder')} autoComplete="address-line1" {...text('addressLine1')} />
          <TextField label={t('business.fields.addressLine2')} placeholder={t('business.fields.addressLine2Placeholder')} autoComplete="address-line2" {...text('addressLine2')} />
          <div className="form-row">
            <TextField label={t('business.fields.city')} autoComplete="address-level2" {...text('city')} />
            <TextField label={t('business.fields.region')} autoComplete="address-level1" {...text('region')} />
          </div>
          <div className="form-row">
            <TextField label={t('business.fields.postalCode')} autoComplete="postal-code" {...text('postalCode')} />
            <TextField label={t('business.fields.taxId')} hint={t('business.fields.taxIdHint')} {...text('taxId')} />
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend className="form-section-title">{t('business.fields.contact')}</legend>
          <div className="form-row">
            <TextField label={t('business.fields.email')} type="email" autoComplete="email" hint={t('business.fields.emailHint')} {...text('email')} />
            <TextField label={t('business.fields.phone')} type="tel" autoComplete="tel" {...text('phone')} />
          </div>
        </fieldset>
        <FormError error={errors.general} extra={errors.unplacedFieldMessages} />
        <div className="form-actions">
          <Button variant="secondary" onClick={onDone} disabled={update.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" pending={update.isPending} pendingLabel={t('common.saving')} data-testid="save-business">
            {t('common.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { SelectField, TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { ErrorState } from '../../../components/ErrorState';
import { Skeleton } from '../../../components/Skeleton';
import { useFormErrors } from '../../../lib/error-message';
import { currencyName, regionName, useFormatters } from '../../../lib/format';
import { canManageBusiness } from '../../../lib/roles';
import type { Business } from '../api/create-business';
import { useBusiness } from '../api/get-business';
import { useUpdateBusiness } from '../api/update-business';
import { countryOptions, timeZoneOptions } from '../business-options';

const FIELDS = ['name', 'country', 'timezone'] as const;

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
  const canEdit = canManageBusiness(business.data.role);
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
  });
  const errors = useFormErrors(update.error, FIELDS);
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
        ...(values.country ? { country: values.country } : {}),
        ...(values.timezone ? { timezone: values.timezone } : {}),
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

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { CheckboxField, SelectField, TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { TableSkeleton } from '../../../components/Skeleton';
import { useFormErrors } from '../../../lib/error-message';
import { allows, type Permissions } from '../../../lib/permissions';
import { useBusiness } from '../../businesses/api/get-business';
import { useUpdateBusiness } from '../../businesses/api/update-business';
import { useActivateTaxRate } from '../api/activate-tax-rate';
import { useCreateTaxRate } from '../api/create-tax-rate';
import { useDeactivateTaxRate } from '../api/deactivate-tax-rate';
import { useTaxRates, type TaxRate, type TaxRateStatus } from '../api/get-tax-rates';
import { useUpdateTaxRate } from '../api/update-tax-rate';

export function TaxesSection({ businessId, permissions }: { businessId: string; permissions: Permissions }) {
  return (
    <div className="stack">
      <TaxRatesCard businessId={businessId} canManage={allows(permissions, 'taxes.manage')} />
      <TaxSettingsCard businessId={businessId} canEdit={allows(permissions, 'business.update')} />
    </div>
  );
}

function TaxRatesCard({ businessId, canManage }: { businessId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TaxRateStatus>('true');
  const rates = useTaxRates(businessId, status);
  const deactivate = useDeactivateTaxRate(businessId);
  const activate = useActivateTaxRate(businessId);
  const [editing, setEditing] = useState<TaxRate | 'new' | null>(null);
  const [deactivating, setDeactivating] = useState<TaxRate | null>(null);

  let body;
  if (rates.isPending) body = <TableSkeleton rows={3} columns={4} />;
  else if (rates.isError) body = <ErrorState error={rates.error} onRetry={() => void rates.refetch()} retrying={rates.isFetching} />;
  else if (rates.data.items.length === 0)
    body = (
      <EmptyState
        icon="reports"
        title={t('taxes.emptyTitle')}
        action={canManage && <Button onClick={() => setEditing('new')}>{t('taxes.add')}</Button>}
      >
        {canManage ? t('taxes.emptyBody') : t('taxes.emptyBodyReadOnly')}
      </EmptyState>
    );
  else
    body = (
      <div className="table-wrap">
        <table className="table" data-testid="tax-rates-table">
          <thead>
            <tr>
              <th scope="col">{t('taxes.fields.name')}</th>
              <th scope="col" className="align-end">
                {t('taxes.fields.rate')}
              </th>
              <th scope="col">{t('taxes.status')}</th>
              {canManage && (
                <th scope="col" className="align-end">
                  <span className="sr-only">{t('settings.members.columns.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rates.data.items.map((rate) => (
              <tr key={rate.id} data-testid={`tax-rate-row-${rate.id}`}>
                <td>
                  <span className="person-name">
                    {rate.name}
                    {rate.isDefault && <span className="badge badge-muted badge-accountant">{t('taxes.default')}</span>}
                  </span>
                </td>
                <td data-label={t('taxes.fields.rate')} className="align-end num">
                  {rate.rate}%
                </td>
                <td data-label={t('taxes.status')}>
                  <span className={`badge ${rate.active ? 'badge-status-accepted' : ''}`}>{rate.active ? t('taxes.active') : t('taxes.inactive')}</span>
                </td>
                {canManage && (
                  <td className="align-end">
                    <span className="row-actions">
                      <Button variant="ghost" size="sm" onClick={() => setEditing(rate)} data-testid={`edit-tax-rate-${rate.id}`}>
                        {t('common.edit')}
                      </Button>
                      {rate.active ? (
                        <Button
                          variant="ghost"
                          size="sm"
                          className="text-danger"
                          onClick={() => {
                            deactivate.reset();
                            setDeactivating(rate);
                          }}
                        >
                          {t('taxes.deactivate')}
                        </Button>
                      ) : (
                        <Button variant="ghost" size="sm" pending={activate.isPending && activate.variables === rate.id} onClick={() => activate.mutate(rate.id)}>
                          {t('taxes.activate')}
                        </Button>
                      )}
                    </span>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );

  return (
    <Card
      title={t('taxes.title')}
      description={canManage ? t('taxes.description') : t('taxes.readOnly')}
      testId="tax-rates"
      actions={
        <>
          <select
            className="input select input-sm"
            aria-label={t('taxes.status')}
            value={status}
            onChange={(e) => setStatus(e.target.value as TaxRateStatus)}
          >
            <option value="true">{t('taxes.showActive')}</option>
            <option value="any">{t('taxes.showAll')}</option>
          </select>
          {canManage && (
            <Button size="sm" onClick={() => setEditing('new')} data-testid="add-tax-rate">
              {t('taxes.add')}
            </Button>
          )}
        </>
      }
    >
      <FormError error={activate.error} />
      {editing && <TaxRateForm businessId={businessId} rate={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />}
      {body}
      <ConfirmDialog
        open={deactivating !== null}
        title={t('taxes.deactivateTitle', { name: deactivating?.name ?? '' })}
        confirmLabel={t('taxes.deactivate')}
        pending={deactivate.isPending}
        error={deactivate.error}
        onCancel={() => setDeactivating(null)}
        onConfirm={() => deactivating && deactivate.mutate(deactivating.id, { onSuccess: () => setDeactivating(null) })}
      >
        {t('taxes.deactivateBody')}
      </ConfirmDialog>
    </Card>
  );
}

const RATE_FIELDS = ['name', 'rate', 'isDefault'];

function TaxRateForm({ businessId, rate, onDone }: { businessId: string; rate?: TaxRate; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateTaxRate(businessId);
  const update = useUpdateTaxRate(businessId);
  const mutation = rate ? update : create;
  const errors = useFormErrors(mutation.error, RATE_FIELDS);
  const [values, setValues] = useState({ name: rate?.name ?? '', rate: rate?.rate ?? '', isDefault: rate?.isDefault ?? false });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { name: values.name.trim(), rate: values.rate.trim() };
    if (rate) update.mutate({ taxRateId: rate.id, body: { ...body, isDefault: values.isDefault } }, { onSuccess: onDone });
    // Left out when unticked, so a business's first rate becomes its default as the API intends.
    else create.mutate(values.isDefault ? { ...body, isDefault: true } : body, { onSuccess: onDone });
  };
  return (
    <form className="form inline-panel" onSubmit={submit} noValidate data-testid="tax-rate-form">
      <div className="form-row">
        <TextField
          label={t('taxes.fields.name')}
          name="name"
          placeholder={t('taxes.namePlaceholder')}
          value={values.name}
          onChange={(e) => setValues({ ...values, name: e.target.value })}
          error={errors.field('name')}
          autoFocus
        />
        <TextField
          label={t('taxes.fields.rate')}
          name="rate"
          inputMode="decimal"
          placeholder="13"
          value={values.rate}
          onChange={(e) => setValues({ ...values, rate: e.target.value })}
          error={errors.field('rate')}
          hint={rate ? t('taxes.rateChangeHint') : t('taxes.rateHint')}
        />
      </div>
      <CheckboxField
        label={t('taxes.fields.isDefault')}
        name="isDefault"
        checked={values.isDefault}
        onChange={(e) => setValues({ ...values, isDefault: e.target.checked })}
        error={errors.field('isDefault')}
      />
      <FormError error={errors.general} extra={errors.unplacedFieldMessages} />
      <div className="form-actions">
        <Button variant="secondary" onClick={onDone} disabled={mutation.isPending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" pending={mutation.isPending} pendingLabel={t('common.saving')} data-testid="save-tax-rate">
          {rate ? t('common.save') : t('taxes.add')}
        </Button>
      </div>
    </form>
  );
}

const SETTINGS_FIELDS = ['pricesIncludeTax', 'taxRounding'];

function TaxSettingsCard({ businessId, canEdit }: { businessId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const business = useBusiness(businessId);
  const update = useUpdateBusiness(businessId);
  const errors = useFormErrors(update.error, SETTINGS_FIELDS);
  const [draft, setDraft] = useState<{ pricesIncludeTax: boolean; taxRounding: 'line' | 'document' } | null>(null);
  if (business.isPending) return <Card title={t('taxes.settingsTitle')}><TableSkeleton rows={2} columns={2} /></Card>;
  if (business.isError) return <ErrorState error={business.error} onRetry={() => void business.refetch()} />;
  const values = draft ?? { pricesIncludeTax: business.data.pricesIncludeTax, taxRounding: business.data.taxRounding };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(values, { onSuccess: () => setDraft(null) });
  };
  return (
    <Card title={t('taxes.settingsTitle')} description={canEdit ? t('taxes.settingsDescription') : t('taxes.settingsReadOnly')} testId="tax-settings">
      <form className="form" onSubmit={submit} noValidate>
        <div className="form-row">
          <SelectField
            label={t('taxes.fields.pricesIncludeTax')}
            name="pricesIncludeTax"
            value={values.pricesIncludeTax ? 'true' : 'false'}
            options={[
              { value: 'false', label: t('taxes.exclusive') },
              { value: 'true', label: t('taxes.inclusive') },
            ]}
            disabled={!canEdit}
            onChange={(e) => setDraft({ ...values, pricesIncludeTax: e.target.value === 'true' })}
            error={errors.field('pricesIncludeTax')}
          />
          <SelectField
            label={t('taxes.fields.taxRounding')}
            name="taxRounding"
            value={values.taxRounding}
            options={[
              { value: 'line', label: t('taxes.roundLine') },
              { value: 'document', label: t('taxes.roundDocument') },
            ]}
            disabled={!canEdit}
            onChange={(e) => setDraft({ ...values, taxRounding: e.target.value as 'line' | 'document' })}
            error={errors.field('taxRounding')}
          />
        </div>
        <p className="field-hint">{t('taxes.settingsHint')}</p>
        <FormError error={errors.general} extra={errors.unplacedFieldMessages} />
        {canEdit && (
          <div className="form-actions">
            <Button type="submit" disabled={!draft} pending={update.isPending} pendingLabel={t('common.saving')} data-testid="save-tax-settings">
              {t('common.save')}
            </Button>
          </div>
        )}
      </form>
    </Card>
  );
}

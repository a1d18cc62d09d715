import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ErrorState } from '../../../components/ErrorState';
import { FormError } from '../../../components/FormError';
import { Icon } from '../../../components/Icon';
import { PageSpinner } from '../../../components/Spinner';
import { useFormErrors } from '../../../lib/error-message';
import { allows, type Permissions } from '../../../lib/permissions';
import { useInventorySettings, type InventorySettings } from '../api/get-inventory-settings';
import { useUpdateInventorySettings } from '../api/update-inventory-settings';

const METHODS = ['moving_average', 'fifo'] as const satisfies readonly InventorySettings['valuationMethod'][];

/** Valuation method (fixed once stock has moved) and whether stock may go below zero. */
export function InventorySettingsSection({ businessId, permissions }: { businessId: string; permissions: Permissions }) {
  const settings = useInventorySettings(businessId);
  if (settings.isPending) return <PageSpinner />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} retrying={settings.isFetching} />;
  return <SettingsForm businessId={businessId} permissions={permissions} settings={settings.data} />;
}

function SettingsForm({ businessId, permissions, settings }: { businessId: string; permissions: Permissions; settings: InventorySettings }) {
  const { t } = useTranslation();
  const canManage = allows(permissions, 'inventory.manage');
  const save = useUpdateInventorySettings(businessId);
  const [method, setMethod] = useState(settings.valuationMethod);
  const [allowNegative, setAllowNegative] = useState(settings.allowNegativeStock);
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors(save.error, ['valuationMethod', 'allowNegativeStock']);
  const locked = settings.valuationMethodLocked;
  const changed = method !== settings.valuationMethod || allowNegative !== settings.allowNegativeStock;

  return (
    <Card title={t('inventory.settings.title')} description={canManage ? t('inventory.settings.description') : t('inventory.settings.readOnly')} testId="inventory-settings">
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          save.mutate(
            { ...(locked ? {} : { valuationMethod: method }), allowNegativeStock: allowNegative },
            { onSuccess: () => setSaved(true) },
          );
        }}
      >
        <fieldset className="choice-group" disabled={!canManage || locked} data-testid="valuation-method">
          <legend className="field-label">{t('inventory.settings.method')}</legend>
          {METHODS.map((m) => (
            <label className="check check-described" key={m}>
              <input type="radio" name="valuationMethod" checked={method === m} onChange={() => setMethod(m)} data-testid={`method-${m}`} />
              <span>
                <strong>{t(`inventory.settings.methods.${m}`)}</strong>
                <span className="muted small">{t(`inventory.settings.methodHints.${m}`)}</span>
              </span>
            </label>
          ))}
          {errors.field('valuationMethod') && <p className="field-error">{errors.field('valuationMethod')}</p>}
        </fieldset>
        {locked && (
          <p className="alert alert-info" data-testid="method-locked">
            <Icon name="shield" />
            <span>{t('inventory.settings.locked')}</span>
          </p>
        )}
        <div className="field field-check">
          <label className="check">
            <input type="checkbox" checked={allowNegative} disabled={!canManage} onChange={(e) => setAllowNegative(e.target.checked)} data-testid="allow-negative" />
            <span>{t('inventory.settings.allowNegative')}</span>
          </label>
          {errors.field('allowNegativeStock') ? (
            <p className="field-error">{errors.field('allowNegativeStock')}</p>
          ) : (
            <p className="field-hint">{t('inventory.settings.allowNegativeHint')}</p>
          )}
        </div>
        <FormError error={errors.general} />
        {saved && !changed && (
          <p className="alert alert-success" role="status">
            <Icon name="check" />
            <span>{t('inventory.settings.saved')}</span>
          </p>
        )}
        {canManage && (
          <div className="form-actions form-actions-start">
            <Button type="submit" disabled={!changed} pending={save.isPending} pendingLabel={t('common.saving')} data-testid="save-inventory-settings">
              {t('common.save')}
            </Button>
          </div>
        )}
      </form>
    </Card>
  );
}

import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TextField } from '../../../components/Field';
import { Icon } from '../../../components/Icon';
import { useFormErrors } from '../../../lib/error-message';
import { useCreateStockCount } from '../api/create-stock-count';
import { useLocations } from '../api/get-locations';
import { LocationSelect } from './LocationSelect';
import { ProductPicker, type PickedProduct } from './ProductPicker';

type Scope = 'all' | 'search' | 'chosen';
const FIELDS = ['locationId', 'q', 'productIds', 'note'] as const;

/** Starts a count: where, and which products (every stocked one, a search, or a chosen few). */
export function NewCountDialog({ businessId, open, onClose }: { businessId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const locations = useLocations(businessId);
  const create = useCreateStockCount(businessId);
  const [locationId, setLocationId] = useState('');
  const [scope, setScope] = useState<Scope>('all');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<PickedProduct[]>([]);
  const [pickerKey, setPickerKey] = useState(0);
  const [note, setNote] = useState('');
  const errors = useFormErrors(create.error, FIELDS);
  const location = locationId || locations.data?.items.find((l) => l.isDefault)?.id || '';

  const submit = () =>
    create.mutate(
      {
        locationId: location,
        ...(scope === 'search' ? { q: q.trim() } : {}),
        ...(scope === 'chosen' ? { productIds: chosen.map((p) => p.id) } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      { onSuccess: (count) => void navigate({ to: '/b/$businessId/inventory/counts/$countId', params: { businessId, countId: count.id } }) },
    );

  return (
    <ConfirmDialog
      open={open}
      title={t('inventory.counts.newTitle')}
      confirmLabel={t('inventory.counts.start')}
      confirmVariant="primary"
      autoFocusConfirm={false}
      confirmDisabled={(scope === 'chosen' && chosen.length === 0) || (scope === 'search' && !q.trim())}
      pending={create.isPending}
      error={errors.general}
      onCancel={() => {
        create.reset();
        onClose();
      }}
      onConfirm={submit}
    >
      <div className="form dialog-form" data-testid="new-count-form">
        <div className="field">
          <label className="field-label" htmlFor="count-location">
            {t('inventory.fields.location')}
          </label>
          <LocationSelect
            id="count-location"
            className="input select"
            businessId={businessId}
            value={location}
            onChange={setLocationId}
            label={t('inventory.fields.location')}
            testId="count-location"
            invalid={!!errors.field('locationId')}
          />
          {errors.field('locationId') && <p className="field-error">{errors.field('locationId')}</p>}
        </div>
        <fieldset className="choice-group">
          <legend className="field-label">{t('inventory.counts.what')}</legend>
          {(['all', 'search', 'chosen'] as const).map((s) => (
            <label className="check" key={s}>
              <input type="radio" name="count-scope" checked={scope === s} onChange={() => setScope(s)} data-testid={`count-scope-${s}`} />
              <span>{t(`inventory.counts.scopes.${s}`)}</span>
            </label>
          ))}
        </fieldset>
        {scope === 'search' && (
          <TextField label={t('inventory.counts.search')} name="q" value={q} onChange={(e) => setQ(e.target.value)} error={errors.field('q')} hint={t('inventory.counts.searchHint')} />
        )}
        {scope === 'chosen' && (
          <div className="field">
            <span className="field-label">{t('inventory.counts.products')}</span>
            <ProductPicker
              key={pickerKey}
              businessId={businessId}
              value={null}
              label={t('inventory.counts.addProduct')}
              testId="count-product-picker"
              onPick={(p) => {
                setChosen((c) => (c.some((x) => x.id === p.id) ? c : [...c, p]));
                setPickerKey((k) => k + 1);
              }}
            />
            {chosen.length > 0 && (
              <div className="badge-group chips" data-testid="count-chosen">
                {chosen.map((p) => (
                  <span className="chip" key={p.id}>
                    {p.name}
                    <button type="button" className="chip-remove" aria-label={t('inventory.counts.removeProduct', { name: p.name })} onClick={() => setChosen((c) => c.filter((x) => x.id !== p.id))}>
                      <Icon name="close" size={12} />
                    </button>
                  </span>
                ))}
              </div>
            )}
            {errors.field('productIds') && <p className="field-error">{errors.field('productIds')}</p>}
          </div>
        )}
        <TextField label={t('inventory.fields.note')} name="note" value={note} onChange={(e) => setNote(e.target.value)} error={errors.field('note')} maxLength={500} />
        <p className="muted small">{t('inventory.counts.snapshotHint')}</p>
      </div>
    </ConfirmDialog>
  );
}

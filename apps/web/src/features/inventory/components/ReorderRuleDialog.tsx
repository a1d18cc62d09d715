import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TextField } from '../../../components/Field';
import { useFormErrors } from '../../../lib/error-message';
import { useCreateReorderRule } from '../api/create-reorder-rule';
import { useLocations } from '../api/get-locations';
import type { ReorderRule } from '../api/get-reorder-rules';
import { useUpdateReorderRule } from '../api/update-reorder-rule';
import { LocationSelect } from './LocationSelect';
import { ProductPicker, type PickedProduct } from './ProductPicker';
import { SupplierPicker, type PickedSupplier } from './SupplierPicker';

const FIELDS = ['productId', 'locationId', 'reorderPoint', 'reorderQuantity', 'preferredSupplierId'] as const;

/** Adds a reorder rule (product, location, point, quantity, supplier) or changes one. */
export function ReorderRuleDialog({
  businessId,
  rule,
  initialProduct,
  onClose,
}: {
  businessId: string;
  rule: ReorderRule | null;
  initialProduct?: PickedProduct | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locations = useLocations(businessId);
  const create = useCreateReorderRule(businessId);
  const update = useUpdateReorderRule(businessId);
  const save = rule ? update : create;
  const [product, setProduct] = useState<PickedProduct | null>(rule?.product ?? initialProduct ?? null);
  const [locationId, setLocationId] = useState(rule?.location.id ?? '');
  const [point, setPoint] = useState(rule?.reorderPoint ?? '');
  const [quantity, setQuantity] = useState(rule?.reorderQuantity ?? '');
  const [supplier, setSupplier] = useState<PickedSupplier | null>(rule?.preferredSupplier ?? null);
  const errors = useFormErrors(save.error, FIELDS);
  const location = locationId || locations.data?.items.find((l) => l.isDefault)?.id || '';

  const submit = () => {
    if (rule) {
      update.mutate(
        { ruleId: rule.id, body: { reorderPoint: point.trim(), reorderQuantity: quantity.trim(), preferredSupplierId: supplier?.id ?? null } },
        { onSuccess: onClose },
      );
    } else {
      create.mutate(
        {
          productId: product?.id ?? '',
          locationId: location,
          reorderPoint: point.trim(),
          reorderQuantity: quantity.trim(),
          ...(supplier ? { preferredSupplierId: supplier.id } : {}),
        },
        { onSuccess: onClose },
      );
    }
  };

  return (
    <ConfirmDialog
      open
      title={rule ? t('inventory.reorder.editRule', { name: rule.product.name }) : t('inventory.reorder.newRule')}
      confirmLabel={rule ? t('common.save') : t('inventory.reorder.createRule')}
      confirmVariant="primary"
      autoFocusConfirm={false}
      pending={save.isPending}
      error={errors.general}
      onCancel={onClose}
      onConfirm={submit}
    >
      <form
        className="form dialog-form"
        noValidate
        data-testid="reorder-rule-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {!rule && (
          <>
            <div className={`field${errors.field('productId') ? ' field-invalid' : ''}`}>
              <span className="field-label">{t('inventory.columns.product')}</span>
              <ProductPicker businessId={businessId} value={product} onPick={setProduct} label={t('inventory.columns.product')} testId="rule-product" invalid={!!errors.field('productId')} autoFocus />
              {errors.field('productId') && <p className="field-error">{errors.field('productId')}</p>}
            </div>
            <div className={`field${errors.field('locationId') ? ' field-invalid' : ''}`}>
              <label className="field-label" htmlFor="rule-location">
                {t('inventory.fields.location')}
              </label>
              <LocationSelect id="rule-location" className="input select" businessId={businessId} value={location} onChange={setLocationId} label={t('inventory.fields.location')} testId="rule-location" />
              {errors.field('locationId') && <p className="field-error">{errors.field('locationId')}</p>}
            </div>
          </>
        )}
        <div className="form-row">
          <TextField
            label={t('inventory.reorder.point')}
            name="reorderPoint"
            inputMode="decimal"
            value={point}
            onChange={(e) => setPoint(e.target.value)}
            error={errors.field('reorderPoint')}
            hint={t('inventory.reorder.pointHint')}
          />
          <TextField
            label={t('inventory.reorder.quantity')}
            name="reorderQuantity"
            inputMode="decimal"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            error={errors.field('reorderQuantity')}
            hint={t('inventory.reorder.quantityHint')}
          />
        </div>
        <div className={`field${errors.field('preferredSupplierId') ? ' field-invalid' : ''}`}>
          <label className="field-label" htmlFor="rule-supplier">
            {t('inventory.reorder.supplier')}
          </label>
          <SupplierPicker id="rule-supplier" businessId={businessId} value={supplier} onChange={setSupplier} label={t('inventory.reorder.supplier')} testId="rule-supplier" invalid={!!errors.field('preferredSupplierId')} />
          {errors.field('preferredSupplierId') ? <p className="field-error">{errors.field('preferredSupplierId')}</p> : <p className="field-hint">{t('inventory.reorder.supplierHint')}</p>}
        </div>
        <button type="submit" hidden />
      </form>
    </ConfirmDialog>
  );
}

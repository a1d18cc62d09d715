import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TextField } from '../../../components/Field';
import { useFormErrors } from '../../../lib/error-message';
import { useConvertReorderSuggestion } from '../api/convert-reorder-suggestion';
import type { ReorderSuggestion } from '../api/get-reorder-suggestions';
import { SupplierPicker, type PickedSupplier } from './SupplierPicker';

/** Turning a suggestion without a supplier (or with a changed quantity) into a draft purchase order. */
export function ConvertSuggestionDialog({
  businessId,
  suggestion,
  onClose,
  onConverted,
}: {
  businessId: string;
  suggestion: ReorderSuggestion;
  onClose: () => void;
  onConverted: (purchaseOrderId: string) => void;
}) {
  const { t } = useTranslation();
  const convert = useConvertReorderSuggestion(businessId);
  const [supplier, setSupplier] = useState<PickedSupplier | null>(suggestion.supplier);
  const [quantity, setQuantity] = useState(suggestion.quantity);
  const errors = useFormErrors(convert.error, ['supplierId', 'quantity']);
  return (
    <ConfirmDialog
      open
      title={t('inventory.reorder.convertTitle', { name: suggestion.product.name })}
      confirmLabel={t('inventory.reorder.convert')}
      confirmVariant="primary"
      autoFocusConfirm={false}
      confirmDisabled={!supplier}
      pending={convert.isPending}
      error={errors.general}
      onCancel={onClose}
      onConfirm={() =>
        convert.mutate(
          { suggestionId: suggestion.id, body: { ...(supplier ? { supplierId: supplier.id } : {}), quantity: quantity.trim() } },
          { onSuccess: (r) => onConverted(r.purchaseOrder.id) },
        )
      }
    >
      <div className="form dialog-form" data-testid="convert-form">
        <div className={`field${errors.field('supplierId') ? ' field-invalid' : ''}`}>
          <label className="field-label" htmlFor="convert-supplier">
            {t('inventory.reorder.supplier')}
          </label>
          <SupplierPicker id="convert-supplier" businessId={businessId} value={supplier} onChange={setSupplier} label={t('inventory.reorder.supplier')} testId="convert-supplier" />
          {errors.field('supplierId') && <p className="field-error">{errors.field('supplierId')}</p>}
        </div>
        <TextField
          label={t('inventory.reorder.orderQuantity', { unit: suggestion.product.unit })}
          name="quantity"
          inputMode="decimal"
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
          error={errors.field('quantity')}
        />
      </div>
    </ConfirmDialog>
  );
}

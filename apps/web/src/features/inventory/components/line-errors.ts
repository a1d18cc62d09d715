import { ApiError } from '../../../lib/api';
import { useFieldErrorMessage, useFormErrors } from '../../../lib/error-message';

/**
 * Places the API's field errors of a stock form: `lines.N.<field>` on the editor row that was
 * sent as line N (blank rows are not sent, so N is not the row index), the rest on the form.
 * `quantityChange` (adjustments) shows in the quantity cell.
 */
export function useStockFormErrors(error: unknown, formFields: readonly string[], sentKeys: readonly string[]) {
  const fieldMessage = useFieldErrorMessage();
  const lineFields = sentKeys.flatMap((_, n) => ['productId', 'quantity', 'quantityChange', 'unitCost'].map((f) => `lines.${n}.${f}`));
  const form = useFormErrors(error, [...formFields, 'lines', ...lineFields]);
  const fields = error instanceof ApiError ? error.fields : [];
  return {
    ...form,
    lineError: (key: string, field: 'productId' | 'quantity' | 'unitCost') => {
      const n = sentKeys.indexOf(key);
      if (n < 0) return undefined;
      const names = field === 'quantity' ? [`lines.${n}.quantity`, `lines.${n}.quantityChange`] : [`lines.${n}.${field}`];
      const found = fields.find((f) => names.includes(f.field));
      return found ? fieldMessage(found) : undefined;
    },
  };
}

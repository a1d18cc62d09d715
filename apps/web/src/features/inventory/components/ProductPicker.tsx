import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox } from '../../../components/Combobox';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useProducts, type Product } from '../../products/api/get-products';

export type PickedProduct = Pick<Product, 'id' | 'sku' | 'name' | 'unit'>;

/** Search products that track stock by SKU or name; typing a full SKU and Enter picks it (scanner friendly). */
export function ProductPicker({
  businessId,
  value,
  onPick,
  label,
  testId,
  invalid,
  autoFocus,
  onKeyDown,
  cell,
}: {
  businessId: string;
  value: PickedProduct | null;
  onPick: (product: PickedProduct) => void;
  label: string;
  testId?: string;
  invalid?: boolean;
  autoFocus?: boolean;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** Grid position, for editors that move focus between cells. */
  cell?: { row: number; col: number };
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ? `${value.name}` : '');
  const [open, setOpen] = useState(false);
  const q = useDebouncedValue(text, 200);
  const products = useProducts(businessId, { q: open ? q : '', kind: 'product', active: 'true', sort: 'name' }, undefined, 10);
  // Only suggestions for the text as it is now: Enter must never pick a match for older text.
  const current = open && q === text && !products.isPlaceholderData ? (products.data?.items ?? []) : [];
  const stocked = current.filter((p) => p.trackStock);
  const pick = (p: PickedProduct) => {
    setText(p.name);
    onPick(p);
  };
  return (
    <Combobox
      text={text}
      onTextChange={setText}
      items={stocked}
      getKey={(p) => p.id}
      loading={products.isFetching}
      emptyText={t('inventory.picker.none')}
      onOpenChange={setOpen}
      renderItem={(p) => (
        <span className="combobox-product">
          <span>{p.name}</span>
          <span className="muted mono small">{p.sku}</span>
        </span>
      )}
      onSelect={pick}
      onKeyDown={(event) => {
        // A scanner types the SKU and presses Enter: take the exact match without opening the list.
        if (event.key === 'Enter') {
          const exact = stocked.find((p) => p.sku.toLowerCase() === text.trim().toLowerCase());
          if (exact) pick(exact);
        }
        onKeyDown?.(event);
      }}
      className={`input input-sm${invalid ? ' is-invalid' : ''}`}
      placeholder={t('inventory.picker.placeholder')}
      aria-label={label}
      aria-invalid={invalid ? true : undefined}
      data-testid={testId}
      data-row={cell?.row}
      data-col={cell?.col}
      autoFocus={autoFocus}
    />
  );
}

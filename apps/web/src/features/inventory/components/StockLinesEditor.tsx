import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/Icon';
import { useProductStock } from '../api/get-product-stock';
import { parseQuantity, quantityText, useQuantityFormat } from '../quantity';
import { ProductPicker, type PickedProduct } from './ProductPicker';

/** One row of an adjustment or transfer, as typed. */
export type StockLine = { key: string; product: PickedProduct | null; quantity: string; unitCost: string };

let nextKey = 0;
export const blankStockLine = (): StockLine => ({ key: `stock-line-${++nextKey}`, product: null, quantity: '', unitCost: '' });
export const isBlankStockLine = (l: StockLine) => !l.product && !l.quantity.trim() && !l.unitCost.trim();

/**
 * The lines of a stock form, usable without a mouse: Enter moves to the next cell and adds a
 * line after the last one. Each line shows the stock at the chosen location, and the API's
 * errors (INSUFFICIENT_STOCK included) appear on the line they concern.
 */
export function StockLinesEditor({
  businessId,
  locationId,
  mode,
  lines,
  onChange,
  lineError,
}: {
  businessId: string;
  /** Where the stock is taken from (or adjusted): the figures shown per line are at this location. */
  locationId: string;
  mode: 'adjust' | 'transfer';
  lines: StockLine[];
  onChange: (lines: StockLine[]) => void;
  lineError: (key: string, field: 'productId' | 'quantity' | 'unitCost') => string | undefined;
}) {
  const { t } = useTranslation();
  const grid = useRef<HTMLTableSectionElement>(null);
  const [focusTarget, setFocusTarget] = useState<{ row: number; col: number } | null>(null);
  const columns = mode === 'adjust' ? 3 : 2;

  useEffect(() => {
    if (!focusTarget) return;
    const cell = grid.current?.querySelector<HTMLElement>(`[data-row="${focusTarget.row}"][data-col="${focusTarget.col}"]`);
    cell?.focus();
    setFocusTarget(null);
  }, [focusTarget, lines.length]);

  const update = (index: number, patch: Partial<StockLine>) => onChange(lines.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  const addLine = () => {
    onChange([...lines, blankStockLine()]);
    setFocusTarget({ row: lines.length, col: 0 });
  };
  const removeLine = (index: number) => {
    const rest = lines.filter((_, i) => i !== index);
    onChange(rest.length ? rest : [blankStockLine()]);
  };
  const columnLabel = (field: 'productId' | 'quantity' | 'unitCost') =>
    field === 'productId'
      ? t('inventory.lines.product')
      : field === 'unitCost'
        ? t('inventory.lines.unitCost')
        : mode === 'adjust'
          ? t('inventory.lines.change')
          : t('inventory.lines.quantity');
  const onCellKeyDown = (row: number, col: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (col < columns - 1) setFocusTarget({ row, col: col + 1 });
    else if (row < lines.length - 1) setFocusTarget({ row: row + 1, col: 0 });
    else addLine();
  };

  return (
    <div className="lines-editor">
      <div className="table-wrap lines-wrap">
        <table className="table lines-table stock-lines" data-testid="stock-lines">
          <thead>
            <tr>
              <th scope="col">{t('inventory.lines.product')}</th>
              <th scope="col" className="align-end">
                {t('inventory.lines.atLocation')}
              </th>
              <th scope="col" className="align-end col-qty">
                {mode === 'adjust' ? t('inventory.lines.change') : t('inventory.lines.quantity')}
              </th>
              {mode === 'adjust' && (
                <th scope="col" className="align-end col-price">
                  {t('inventory.lines.unitCost')}
                </th>
              )}
              <th scope="col" className="col-remove">
                <span className="sr-only">{t('inventory.lines.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody ref={grid}>
            {lines.map((line, row) => {
              const errors = (['productId', 'quantity', 'unitCost'] as const)
                .map((f) => [f, lineError(line.key, f)] as const)
                .filter(([, m]) => m);
              return [
                <tr key={line.key} data-testid={`stock-line-${row}`} className={errors.length ? 'row-invalid has-errors' : undefined}>
                  <td className="col-product">
                    <ProductPicker
                      businessId={businessId}
                      value={line.product}
                      onPick={(product) => update(row, { product })}
                      onKeyDown={onCellKeyDown(row, 0)}
                      cell={{ row, col: 0 }}
                      label={t('inventory.lines.productOf', { n: row + 1 })}
                      invalid={!!lineError(line.key, 'productId')}
                      testId={`stock-line-${row}-product`}
                    />
                  </td>
                  <td data-label={t('inventory.lines.atLocation')} className="align-end num">
                    {line.product && locationId ? (
                      <LineStock businessId={businessId} productId={line.product.id} locationId={locationId} change={mode === 'adjust' ? line.quantity : null} />
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td data-label={mode === 'adjust' ? t('inventory.lines.change') : t('inventory.lines.quantity')} className="col-qty">
                    <input
                      className="input input-sm num"
                      inputMode={mode === 'adjust' ? 'text' : 'decimal'}
                      placeholder={mode === 'adjust' ? t('inventory.lines.changePlaceholder') : '0'}
                      aria-label={t('inventory.lines.quantityOf', { n: row + 1 })}
                      aria-invalid={lineError(line.key, 'quantity') ? true : undefined}
                      value={line.quantity}
                      onChange={(e) => update(row, { quantity: e.target.value })}
                      onKeyDown={onCellKeyDown(row, 1)}
                      data-row={row}
                      data-col={1}
                      data-testid={`stock-line-${row}-quantity`}
                    />
                  </td>
                  {mode === 'adjust' && (
                    <td data-label={t('inventory.lines.unitCost')} className="col-price">
                      <input
                        className="input input-sm num"
                        inputMode="decimal"
                        placeholder={t('inventory.lines.unitCostPlaceholder')}
                        aria-label={t('inventory.lines.unitCostOf', { n: row + 1 })}
                        aria-invalid={lineError(line.key, 'unitCost') ? true : undefined}
                        value={line.unitCost}
                        onChange={(e) => update(row, { unitCost: e.target.value })}
                        onKeyDown={onCellKeyDown(row, 2)}
                        data-row={row}
                        data-col={2}
                        data-testid={`stock-line-${row}-unitCost`}
                      />
                    </td>
                  )}
                  <td className="col-remove align-end">
                    <button
                      type="button"
                      className="icon-button icon-button-sm"
                      tabIndex={-1}
                      aria-label={t('inventory.lines.removeLine', { n: row + 1 })}
                      onClick={() => removeLine(row)}
                      data-testid={`stock-line-${row}-remove`}
                    >
                      <Icon name="close" size={16} />
                    </button>
                  </td>
                </tr>,
                errors.length > 0 && (
                  <tr key={`${line.key}-errors`} className="stock-line-errors" data-testid={`stock-line-${row}-errors`}>
                    <td colSpan={mode === 'adjust' ? 5 : 4}>
                      {errors.map(([field, message]) => (
                        <span key={field} className="field-error" data-testid={`stock-line-${row}-error-${field}`}>
                          {columnLabel(field)}: {message}
                        </span>
                      ))}
                    </td>
                  </tr>
                ),
              ];
            })}
          </tbody>
        </table>
      </div>
      <div className="lines-foot">
        <button type="button" className="btn btn-ghost btn-sm" onClick={addLine} data-testid="add-stock-line">
          <Icon name="plus" size={16} />
          <span>{t('inventory.lines.add')}</span>
        </button>
        <p className="muted small keyboard-hint">{t('inventory.lines.keyboardHint')}</p>
      </div>
    </div>
  );
}

/** On hand and available of one product at one location; with a typed change, what on hand becomes. */
function LineStock({ businessId, productId, locationId, change }: { businessId: string; productId: string; locationId: string; change: string | null }) {
  const { t } = useTranslation();
  const qty = useQuantityFormat();
  const stock = useProductStock(businessId, productId);
  if (stock.isPending) return <span className="muted">…</span>;
  if (stock.isError) return <span className="muted">—</span>;
  const here = stock.data.locations.find((l) => l.location.id === locationId);
  const onHand = here?.onHand ?? '0';
  const available = here?.available ?? '0';
  const delta = change ? parseQuantity(change) : null;
  const after = delta !== null && delta !== 0n ? parseQuantity(onHand)! + delta : null;
  return (
    <span className="line-stock" data-testid="line-stock">
      <span>{t('inventory.lines.onHandAvailable', { onHand: qty(onHand), available: qty(available), unit: stock.data.product.unit })}</span>
      {after !== null && (
        <span className={after < 0n ? 'text-danger small' : 'muted small'}>{t('inventory.lines.after', { quantity: qty(quantityText(after)) })}</span>
      )}
    </span>
  );
}

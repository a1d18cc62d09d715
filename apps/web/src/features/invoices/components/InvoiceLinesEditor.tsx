import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox } from '../../../components/Combobox';
import { Icon } from '../../../components/Icon';
import { moneyInputValue, useMoneyFormat, type MoneyJson } from '../../../lib/money';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useProducts, type Product } from '../../products/api/get-products';
import type { TaxRate } from '../../taxes/api/get-tax-rates';
import { blankLine, type EditorLine, type LiveTotals } from './editor-lines';

type Column = 'description' | 'quantity' | 'unitPrice' | 'discountPercent' | 'taxRateId' | 'accountId';

/**
 * The lines grid, built to be used without a mouse: Enter or Tab moves to the next cell, Enter on
 * the last cell adds a line, Delete on an empty cell (or Ctrl/⌘+Delete anywhere) removes the line.
 * Sales documents use it as it is; purchase documents price picked products at their cost, have no
 * discount column and book lines that are not stocked to an account.
 */
export function InvoiceLinesEditor({
  businessId,
  currency,
  pricesIncludeTax,
  lines,
  onChange,
  taxRates,
  defaultTaxRateId,
  live,
  lineError,
  priceOf = (product) => product.salesPrice,
  discount = true,
  accounts,
}: {
  businessId: string;
  currency: string;
  pricesIncludeTax: boolean;
  lines: EditorLine[];
  onChange: (lines: EditorLine[]) => void;
  taxRates: readonly TaxRate[];
  defaultTaxRateId: string;
  live: LiveTotals;
  lineError: (key: string, field: string) => string | undefined;
  /** The price a picked product brings into the line (its sales price unless stated). */
  priceOf?: (product: Product) => MoneyJson | null;
  /** Whether lines take a discount (sales documents do). */
  discount?: boolean;
  /** When given, lines that are not stocked products choose one of these accounts ('' is the default). */
  accounts?: readonly { id: string; label: string }[];
}) {
  const { t } = useTranslation();
  const COLUMNS: Column[] = ['description', 'quantity', 'unitPrice', ...(discount ? (['discountPercent'] as const) : []), 'taxRateId', ...(accounts ? (['accountId'] as const) : [])];
  const LAST_COLUMN = COLUMNS.length - 1;
  const colOf = (c: Column) => COLUMNS.indexOf(c);
  const money = useMoneyFormat();
  const grid = useRef<HTMLTableSectionElement>(null);
  const [focusTarget, setFocusTarget] = useState<{ row: number; col: number } | null>(null);

  useEffect(() => {
    if (!focusTarget) return;
    const cell = grid.current?.querySelector<HTMLElement>(`[data-row="${focusTarget.row}"][data-col="${focusTarget.col}"]`);
    cell?.focus();
    if (cell instanceof HTMLInputElement) cell.select();
    setFocusTarget(null);
  }, [focusTarget, lines.length]);

  const update = (index: number, patch: Partial<EditorLine>) => onChange(lines.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  const addLine = () => {
    onChange([...lines, blankLine(defaultTaxRateId)]);
    setFocusTarget({ row: lines.length, col: 0 });
  };
  const removeLine = (index: number) => {
    const rest = lines.filter((_, i) => i !== index);
    onChange(rest.length ? rest : [blankLine(defaultTaxRateId)]);
    setFocusTarget({ row: Math.max(0, Math.min(index, rest.length - 1)), col: 0 });
  };

  const onCellKeyDown = (row: number, col: number) => (event: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (col < LAST_COLUMN) setFocusTarget({ row, col: col + 1 });
      else if (row < lines.length - 1) setFocusTarget({ row: row + 1, col: 0 });
      else addLine();
      return;
    }
    if (event.key === 'Delete' || (event.key === 'Backspace' && (event.ctrlKey || event.metaKey))) {
      const target = event.currentTarget;
      const empty = target instanceof HTMLSelectElement || target.value === '';
      if (event.ctrlKey || event.metaKey || empty) {
        event.preventDefault();
        removeLine(row);
      }
    }
  };

  const ratesForSelect = (line: EditorLine) => {
    const active = taxRates.filter((r) => r.active || r.id === line.taxRateId);
    return active;
  };

  return (
    <div className="lines-editor">
      <div className="table-wrap lines-wrap">
        <table className="table lines-table" data-testid="invoice-lines">
          <thead>
            <tr>
              <th scope="col" className="col-description">
                {t('invoices.lines.description')}
              </th>
              <th scope="col" className="col-qty align-end">
                {t('invoices.lines.quantity')}
              </th>
              <th scope="col" className="col-price align-end">
                {pricesIncludeTax ? t('invoices.lines.unitPriceInclusive') : t('invoices.lines.unitPrice')}
              </th>
              {discount && (
                <th scope="col" className="col-discount align-end">
                  {t('invoices.lines.discount')}
                </th>
              )}
              <th scope="col" className="col-tax">
                {t('invoices.lines.tax')}
              </th>
              {accounts && (
                <th scope="col" className="col-account">
                  {t('purchases.lines.account')}
                </th>
              )}
              <th scope="col" className="col-amount align-end">
                {t('invoices.lines.amount')}
              </th>
              <th scope="col" className="col-remove">
                <span className="sr-only">{t('invoices.lines.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody ref={grid}>
            {lines.map((line, row) => {
              const lineTotals = live.included.has(row) ? live.totals?.lines[live.included.get(row)!] : undefined;
              const err = (field: string) => lineError(line.key, field);
              const cellProps = (col: number) => ({
                'data-row': row,
                'data-col': col,
                onKeyDown: onCellKeyDown(row, col),
              });
              const errors = COLUMNS.map((c) => err(c)).filter(Boolean);
              return (
                <tr key={line.key} data-testid={`line-${row}`} className={errors.length ? 'row-invalid' : undefined}>
                  <td data-label={t('invoices.lines.description')} className="col-description">
                    <ProductCell
                      businessId={businessId}
                      line={line}
                      row={row}
                      invalid={!!err('description') || !!err('productId')}
                      onText={(description) => update(row, { description, productId: null, ...(line.purchaseOrderLineId ? {} : { stocked: false }) })}
                      onPick={(product) => {
                        const price = priceOf(product);
                        update(row, {
                          productId: product.id,
                          description: product.name,
                          // A price in another currency is not this invoice's price: leave it for the user.
                          unitPrice: price && price.currency === currency ? moneyInputValue(price) : '',
                          taxRateId: product.taxRate?.id ?? '',
                          stocked: product.trackStock,
                          ...(product.trackStock ? { accountId: '' } : {}),
                        });
                      }}
                      priceOf={priceOf}
                      note={line.note}
                      onKeyDown={onCellKeyDown(row, 0)}
                    />
                  </td>
                  <td data-label={t('invoices.lines.quantity')} className="col-qty">
                    <input
                      className="input input-sm num"
                      inputMode="decimal"
                      aria-label={t('invoices.lines.quantityOf', { n: row + 1 })}
                      aria-invalid={err('quantity') ? true : undefined}
                      value={line.quantity}
                      onChange={(e) => update(row, { quantity: e.target.value })}
                      data-testid={`line-${row}-quantity`}
                      {...cellProps(colOf('quantity'))}
                    />
                  </td>
                  <td data-label={t('invoices.lines.unitPrice')} className="col-price">
                    <input
                      className="input input-sm num"
                      inputMode="decimal"
                      placeholder="0.00"
                      aria-label={t('invoices.lines.unitPriceOf', { n: row + 1 })}
                      aria-invalid={err('unitPrice') ? true : undefined}
                      value={line.unitPrice}
                      onChange={(e) => update(row, { unitPrice: e.target.value })}
                      data-testid={`line-${row}-unitPrice`}
                      {...cellProps(colOf('unitPrice'))}
                    />
                  </td>
                  {discount && (
                    <td data-label={t('invoices.lines.discount')} className="col-discount">
                      <input
                        className="input input-sm num"
                        inputMode="decimal"
                        placeholder="0"
                        aria-label={t('invoices.lines.discountOf', { n: row + 1 })}
                        aria-invalid={err('discountPercent') ? true : undefined}
                        value={line.discountPercent}
                        onChange={(e) => update(row, { discountPercent: e.target.value })}
                        data-testid={`line-${row}-discount`}
                        {...cellProps(colOf('discountPercent'))}
                      />
                    </td>
                  )}
                  <td data-label={t('invoices.lines.tax')} className="col-tax">
                    <select
                      className="input select input-sm"
                      aria-label={t('invoices.lines.taxOf', { n: row + 1 })}
                      aria-invalid={err('taxRateId') ? true : undefined}
                      value={line.taxRateId}
                      onChange={(e) => update(row, { taxRateId: e.target.value })}
                      data-testid={`line-${row}-tax`}
                      {...cellProps(colOf('taxRateId'))}
                    >
                      <option value="">{t('invoices.lines.noTax')}</option>
                      {ratesForSelect(line).map((r) => (
                        <option key={r.id} value={r.id}>
                          {r.name}
                        </option>
                      ))}
                    </select>
                  </td>
                  {accounts && (
                    <td data-label={t('purchases.lines.account')} className="col-account">
                      {line.stocked ? (
                        <span className="muted small" data-testid={`line-${row}-stocked`}>
                          {t('purchases.lines.intoStock')}
                        </span>
                      ) : (
                        <select
                          className="input select input-sm"
                          aria-label={t('purchases.lines.accountOf', { n: row + 1 })}
                          aria-invalid={err('accountId') ? true : undefined}
                          value={line.accountId ?? ''}
                          onChange={(e) => update(row, { accountId: e.target.value })}
                          data-testid={`line-${row}-account`}
                          {...cellProps(colOf('accountId'))}
                        >
                          <option value="">{t('purchases.lines.defaultAccount')}</option>
                          {accounts.map((a) => (
                            <option key={a.id} value={a.id}>
                              {a.label}
                            </option>
                          ))}
                        </select>
                      )}
                    </td>
                  )}
                  <td data-label={t('invoices.lines.amount')} className="col-amount align-end num" data-testid={`line-${row}-amount`}>
                    {lineTotals
                      ? money.minor(pricesIncludeTax ? lineTotals.totalMinor : lineTotals.netMinor, currency)
                      : live.unreadable.has(row)
                        ? <span className="text-danger" title={t('invoices.lines.unreadable')}>?</span>
                        : <span className="muted">—</span>}
                  </td>
                  <td className="col-remove align-end">
                    <button
                      type="button"
                      className="icon-button icon-button-sm"
                      tabIndex={-1}
                      aria-label={t('invoices.lines.removeLine', { n: row + 1 })}
                      onClick={() => removeLine(row)}
                      data-testid={`line-${row}-remove`}
                    >
                      <Icon name="close" size={16} />
                    </button>
                  </td>
                  {errors.length > 0 && (
                    <td className="line-errors" data-testid={`line-${row}-errors`}>
                      {COLUMNS.map((c) => {
                        const message = err(c);
                        return message ? (
                          <span key={c} className="field-error" data-testid={`field-error-lines.${row}.${c}`}>
                            {c === 'accountId' ? t('purchases.lines.account') : t(`invoices.lines.${c === 'taxRateId' ? 'tax' : c === 'discountPercent' ? 'discount' : c}`)}: {message}
                          </span>
                        ) : null;
                      })}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="lines-foot">
        <button type="button" className="btn btn-ghost btn-sm" onClick={addLine} data-testid="add-line">
          <Icon name="plus" size={16} />
          <span>{t('invoices.lines.add')}</span>
        </button>
        <p className="muted small keyboard-hint">{t('invoices.lines.keyboardHint')}</p>
      </div>
    </div>
  );
}

function ProductCell({
  businessId,
  line,
  row,
  invalid,
  onText,
  onPick,
  onKeyDown,
  priceOf,
  note,
}: {
  businessId: string;
  line: EditorLine;
  row: number;
  invalid: boolean;
  onText: (text: string) => void;
  onPick: (product: Product) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  priceOf: (product: Product) => MoneyJson | null;
  note?: string;
}) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const [open, setOpen] = useState(false);
  const q = useDebouncedValue(line.description, 200);
  const products = useProducts(businessId, { q: open ? q : '', kind: '', active: 'true', sort: 'name' }, undefined, 8);
  const box = (
    <Combobox
      className="input input-sm"
      text={line.description}
      onTextChange={onText}
      // Only suggestions for the text as it is now: Enter must never pick a match for older text.
      items={open && q === line.description && !products.isPlaceholderData ? (products.data?.items ?? []) : []}
      loading={products.isFetching}
      getKey={(p) => p.id}
      emptyText={t('invoices.lines.noProducts')}
      renderItem={(p) => (
        <span className="combobox-product">
          <span>
            <strong>{p.name}</strong> <span className="muted mono small">{p.sku}</span>
          </span>
          <span className="num small">{money.json(priceOf(p))}</span>
        </span>
      )}
      onSelect={onPick}
      onOpenChange={setOpen}
      onKeyDown={onKeyDown}
      aria-label={t('invoices.lines.descriptionOf', { n: row + 1 })}
      aria-invalid={invalid || undefined}
      placeholder={t('invoices.lines.descriptionPlaceholder')}
      data-row={row}
      data-col={0}
      data-testid={`line-${row}-description`}
    />
  );
  if (!note) return box;
  return (
    <div className="line-product">
      {box}
      <span className="muted small" data-testid={`line-${row}-note`}>
        {note}
      </span>
    </div>
  );
}

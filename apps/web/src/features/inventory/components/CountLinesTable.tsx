import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { useErrorMessage, useFieldErrorMessage } from '../../../lib/error-message';
import { useMoneyFormat } from '../../../lib/money';
import type { CountLine } from '../api/get-stock-count-lines';
import { useUpdateStockCountLines } from '../api/update-stock-count-lines';
import { parseQuantity, useQuantityFormat } from '../quantity';
import { ProductCell } from './ProductCell';

/**
 * A count's lines. In a draft each counted cell saves when it is left or on Enter, and Enter moves
 * down to the next line (count a shelf top to bottom without the mouse). The books now and the
 * drift since the snapshot are shown next to what posting will book.
 */
export function CountLinesTable({ businessId, countId, lines, editable, driftLineIds }: {
  businessId: string;
  countId: string;
  lines: CountLine[];
  editable: boolean;
  /** Lines the server refused to post without confirmation (COUNT_DRIFT). */
  driftLineIds: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const qty = useQuantityFormat();
  const money = useMoneyFormat();
  const fieldMessage = useFieldErrorMessage();
  const errorMessage = useErrorMessage();
  const save = useUpdateStockCountLines(businessId, countId);
  const body = useRef<HTMLTableSectionElement>(null);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState<string | null>(null);

  const commit = (line: CountLine) => {
    const text = drafts[line.id];
    if (text === undefined) return;
    const trimmed = text.trim();
    if (trimmed === (line.counted ?? '')) {
      setDrafts(({ [line.id]: _, ...rest }) => rest);
      return;
    }
    if (trimmed !== '' && (parseQuantity(trimmed) === null || trimmed.startsWith('-'))) {
      setErrors((e) => ({ ...e, [line.id]: t('inventory.counts.badQuantity') }));
      return;
    }
    setSaving(line.id);
    save.mutate(
      { lines: [{ lineId: line.id, countedQuantity: trimmed === '' ? null : trimmed }] },
      {
        onSuccess: () => {
          setDrafts(({ [line.id]: _, ...rest }) => rest);
          setErrors(({ [line.id]: _, ...rest }) => rest);
        },
        onError: (error) => {
          const field = error instanceof ApiError ? error.fields[0] : undefined;
          setErrors((e) => ({ ...e, [line.id]: field ? fieldMessage(field) : errorMessage(error) }));
        },
        onSettled: () => setSaving(null),
      },
    );
  };

  const onKeyDown = (index: number, line: CountLine) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      setDrafts(({ [line.id]: _, ...rest }) => rest);
      return;
    }
    if (event.key !== 'Enter') return;
    event.preventDefault();
    commit(line);
    const next = body.current?.querySelector<HTMLInputElement>(`[data-count-row="${index + 1}"]`);
    if (next) {
      next.focus();
      next.select();
    }
  };

  return (
    <div className="table-wrap">
      <table className="table count-lines" data-testid="count-lines">
        <thead>
          <tr>
            <th scope="col">{t('inventory.columns.product')}</th>
            <th scope="col" className="align-end">{t('inventory.counts.expected')}</th>
            <th scope="col" className="align-end col-qty">{t('inventory.counts.counted')}</th>
            <th scope="col" className="align-end">{t('inventory.counts.difference')}</th>
            <th scope="col" className="align-end">{editable ? t('inventory.counts.bookNow') : t('inventory.counts.bookAtPosting')}</th>
            <th scope="col" className="align-end">{editable ? t('inventory.counts.willBook') : t('inventory.counts.booked')}</th>
            <th scope="col" className="align-end">{t('inventory.columns.value')}</th>
          </tr>
        </thead>
        <tbody ref={body}>
          {lines.map((line, index) => {
            const drifted = line.drift !== '0';
            const error = errors[line.id];
            const differs = line.difference !== null && line.difference !== '0';
            return (
              <tr
                key={line.id}
                data-testid={`count-line-${line.product.sku}`}
                className={[error ? 'row-invalid' : '', drifted && editable ? 'row-drift' : '', driftLineIds.has(line.id) ? 'row-flagged' : ''].join(' ').trim() || undefined}
              >
                <td>
                  <ProductCell businessId={businessId} product={line.product} />
                </td>
                <td data-label={t('inventory.counts.expected')} className="align-end num">
                  <span>
                    {qty(line.expected)} <span className="muted small">{line.product.unit}</span>
                  </span>
                </td>
                <td data-label={t('inventory.counts.counted')} className="align-end col-qty">
                  {editable ? (
                    <span className="count-cell">
                      <input
                        className="input input-sm num"
                        inputMode="decimal"
                        value={drafts[line.id] ?? line.counted ?? ''}
                        placeholder="—"
                        aria-label={t('inventory.counts.countedOf', { name: line.product.name })}
                        aria-invalid={error ? true : undefined}
                        onChange={(e) => setDrafts((d) => ({ ...d, [line.id]: e.target.value }))}
                        onBlur={() => commit(line)}
                        onKeyDown={onKeyDown(index, line)}
                        data-count-row={index}
                        data-testid={`counted-${line.product.sku}`}
                      />
                      {saving === line.id && <span className="muted small">…</span>}
                    </span>
                  ) : (
                    <span className="num">{line.counted === null ? <span className="muted">{t('inventory.counts.notCounted')}</span> : qty(line.counted)}</span>
                  )}
                  {error && (
                    <span className="field-error" data-testid={`count-error-${line.product.sku}`}>
                      {error}
                    </span>
                  )}
                </td>
                <td data-label={t('inventory.counts.difference')} className={`align-end num${differs ? (line.difference!.startsWith('-') ? ' text-danger' : ' text-success') : ''}`}>
                  {line.difference === null ? '—' : qty(line.difference, { signed: true })}
                </td>
                <td data-label={editable ? t('inventory.counts.bookNow') : t('inventory.counts.bookAtPosting')} className="align-end num">
                  {qty(line.book)}
                  {drifted && (
                    <span className="badge badge-drift" title={t('inventory.counts.driftHint')} data-testid={`drift-${line.product.sku}`}>
                      {t('inventory.counts.drift', { drift: qty(line.drift, { signed: true }) })}
                    </span>
                  )}
                </td>
                <td data-label={editable ? t('inventory.counts.willBook') : t('inventory.counts.booked')} className="align-end num">
                  {line.adjustment === null ? '—' : qty(line.adjustment, { signed: true })}
                </td>
                <td data-label={t('inventory.columns.value')} className="align-end num">
                  {line.adjustmentValue && line.adjustment !== '0' ? `${editable ? '≈ ' : ''}${money.json(line.adjustmentValue)}` : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Icon } from '../../../components/Icon';
import { ApiError } from '../../../lib/api';
import { useErrorMessage, useFieldErrorMessage } from '../../../lib/error-message';
import { useScanStockCount } from '../api/scan-stock-count';
import { useQuantityFormat } from '../quantity';

/**
 * Counting by SKU: a barcode scanner types the code and presses Enter, so each scan adds one (or
 * the quantity given) and the box is ready for the next. Focus stays here between scans.
 */
export function CountEntry({ businessId, countId }: { businessId: string; countId: string }) {
  const { t } = useTranslation();
  const qty = useQuantityFormat();
  const errorMessage = useErrorMessage();
  const fieldMessage = useFieldErrorMessage();
  const scan = useScanStockCount(businessId, countId);
  const codeRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [last, setLast] = useState<{ name: string; counted: string; unit: string; added: boolean } | null>(null);

  const submit = () => {
    const value = code.trim();
    if (!value) return;
    scan.mutate(
      { code: value, quantity: quantity.trim() || '1' },
      {
        onSuccess: (r) => {
          setLast({ name: r.line.product.name, counted: r.line.counted ?? '0', unit: r.line.product.unit, added: r.added });
          setCode('');
          setQuantity('1');
          codeRef.current?.focus();
        },
        onSettled: () => codeRef.current?.select(),
      },
    );
  };
  const error = scan.error instanceof ApiError ? (scan.error.fields[0] ? fieldMessage(scan.error.fields[0]) : errorMessage(scan.error)) : scan.error ? errorMessage(scan.error) : null;

  return (
    <form
      className="count-entry"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="count-entry"
    >
      <label className="count-entry-code">
        <span className="field-label">{t('inventory.counts.scanLabel')}</span>
        <span className="count-entry-input">
          <Icon name="scan" size={18} />
          <input
            ref={codeRef}
            className="input"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder={t('inventory.counts.scanPlaceholder')}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            data-testid="scan-code"
          />
        </span>
      </label>
      <label className="count-entry-qty">
        <span className="field-label">{t('inventory.counts.scanQuantity')}</span>
        <input className="input num" inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} data-testid="scan-quantity" />
      </label>
      <Button type="submit" variant="secondary" pending={scan.isPending} data-testid="scan-submit">
        {t('inventory.counts.scanAdd')}
      </Button>
      <p className="count-entry-status" role="status" aria-live="polite" data-testid="scan-status">
        {error ? (
          <span className="text-danger">{error}</span>
        ) : last ? (
          <span>
            <Icon name="check" size={14} /> {t(last.added ? 'inventory.counts.scannedAdded' : 'inventory.counts.scanned', { name: last.name, counted: qty(last.counted), unit: last.unit })}
          </span>
        ) : (
          <span className="muted">{t('inventory.counts.scanHint')}</span>
        )}
      </p>
    </form>
  );
}

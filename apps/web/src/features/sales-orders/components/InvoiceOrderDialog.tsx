import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TextField } from '../../../components/Field';
import { useFormErrors } from '../../../lib/error-message';
import type { SalesOrder } from '../api/get-sales-order';
import { useInvoiceSalesOrder } from '../api/invoice-sales-order';

/** Issues one invoice for what has shipped and is not yet billed (services as ordered). */
export function InvoiceOrderDialog({
  businessId,
  baseCurrency,
  order,
  open,
  onClose,
  onInvoiced,
}: {
  businessId: string;
  baseCurrency: string;
  order: SalesOrder;
  open: boolean;
  onClose: () => void;
  onInvoiced: (invoiceId: string) => void;
}) {
  const { t } = useTranslation();
  const invoice = useInvoiceSalesOrder(businessId);
  const [exchangeRate, setExchangeRate] = useState('');
  const errors = useFormErrors(invoice.error, ['exchangeRate']);
  const foreign = order.currency !== baseCurrency;
  const lines = order.lines.filter((l) => l.toInvoice !== '0');
  return (
    <ConfirmDialog
      open={open}
      title={t('salesOrders.invoice.title', { number: order.number })}
      confirmLabel={t('salesOrders.invoice.submit')}
      confirmVariant="primary"
      confirmDisabled={foreign && !exchangeRate.trim()}
      autoFocusConfirm={!foreign}
      pending={invoice.isPending}
      error={errors.general}
      onCancel={onClose}
      onConfirm={() =>
        invoice.mutate(
          { orderId: order.id, body: foreign ? { exchangeRate: exchangeRate.trim() } : {} },
          { onSuccess: (issued) => onInvoiced(issued.id) },
        )
      }
    >
      <p>{t('salesOrders.invoice.body')}</p>
      <ul className="invoice-preview" data-testid="invoice-preview">
        {lines.map((l) => (
          <li key={l.id}>
            <span>{l.description}</span>
            <span className="num">× {l.toInvoice}</span>
          </li>
        ))}
      </ul>
      {foreign && (
        <TextField
          label={t('invoices.exchangeRate', { from: order.currency, to: baseCurrency })}
          name="exchangeRate"
          inputMode="decimal"
          value={exchangeRate}
          onChange={(e) => setExchangeRate(e.target.value)}
          error={errors.field('exchangeRate')}
          hint={t('invoices.exchangeRateHint', { from: order.currency, to: baseCurrency })}
          autoFocus
        />
      )}
    </ConfirmDialog>
  );
}

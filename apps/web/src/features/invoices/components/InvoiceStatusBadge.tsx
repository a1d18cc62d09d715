import { useTranslation } from 'react-i18next';
import type { InvoiceStatus } from '../api/get-invoices';

export function InvoiceStatusBadge({ status, overdue }: { status: InvoiceStatus; overdue: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="badge-group" data-testid="invoice-status">
      <span className={`badge badge-invoice-${status}`} data-status={status}>
        {t(`invoices.status.${status}`)}
      </span>
      {overdue && <span className="badge badge-invoice-overdue">{t('invoices.status.overdue')}</span>}
    </span>
  );
}

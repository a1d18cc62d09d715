import { useTranslation } from 'react-i18next';
import type { RecurringStatus } from '../api/get-recurring-invoices';

export function RecurringStatusBadge({ status }: { status: RecurringStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-recurring-${status}`} data-testid="recurring-status" data-status={status}>
      {t(`recurring.status.${status}`)}
    </span>
  );
}

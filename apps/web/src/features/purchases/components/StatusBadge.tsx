import { useTranslation } from 'react-i18next';

type Kind = 'purchaseOrders' | 'bills' | 'billPayments' | 'expenses';

/** A document's status (and "overdue" beside it when it applies), coloured by what it means. */
export function StatusBadge({ kind, status, overdue = false, testId }: { kind: Kind; status: string; overdue?: boolean; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className="badge-group" data-testid={testId}>
      <span className={`badge badge-doc badge-doc-${status}`} data-status={status}>
        {t(`${kind}.status.${status}` as 'bills.status.open')}
      </span>
      {overdue && <span className="badge badge-doc badge-doc-overdue">{t('bills.status.overdue')}</span>}
    </span>
  );
}

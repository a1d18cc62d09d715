import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { CsvExportLink } from '../../../components/CsvExportLink';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { ListToolbar } from '../../../components/ListToolbar';
import { TableSkeleton } from '../../../components/Skeleton';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { paymentsExportUrl } from '../api/export-payments';
import { EMPTY_PAYMENT_FILTERS, PAYMENT_METHODS, usePayments, type PaymentFilters, type PaymentMethod } from '../api/get-payments';

export function PaymentsPage({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('payments.title'));
  const format = useFormatters();
  const money = useMoneyFormat();
  const [filters, setFilters] = useState<PaymentFilters>(EMPTY_PAYMENT_FILTERS);
  const pages = useCursorPages(JSON.stringify(filters));
  const payments = usePayments(businessId, filters, pages.cursor);
  const filtered = JSON.stringify(filters) !== JSON.stringify(EMPTY_PAYMENT_FILTERS);
  const set = (patch: Partial<PaymentFilters>) => setFilters((f) => ({ ...f, ...patch }));

  let body;
  if (payments.isPending) {
    body = <TableSkeleton columns={6} />;
  } else if (payments.isError) {
    body = <ErrorState error={payments.error} onRetry={() => void payments.refetch()} retrying={payments.isFetching} />;
  } else if (payments.data.items.length === 0) {
    body = filtered ? (
      <EmptyState
        icon="sales"
        title={t('payments.noMatchTitle')}
        testId="payments-empty"
        action={
          <Button variant="secondary" onClick={() => setFilters(EMPTY_PAYMENT_FILTERS)}>
            {t('common.clearFilters')}
          </Button>
        }
      >
        {t('payments.noMatchBody')}
      </EmptyState>
    ) : (
      <EmptyState
        icon="sales"
        title={t('payments.emptyTitle')}
        testId="payments-empty"
        action={
          <Link className="btn btn-secondary btn-md" to="/b/$businessId/sales/invoices" params={{ businessId }}>
            {t('invoices.title')}
          </Link>
        }
      >
        {t('payments.emptyBody')}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className={`table-wrap${payments.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table" data-testid="payments-table">
            <thead>
              <tr>
                <th scope="col">{t('payments.columns.date')}</th>
                <th scope="col">{t('payments.columns.customer')}</th>
                <th scope="col">{t('payments.columns.method')}</th>
                <th scope="col">{t('payments.columns.reference')}</th>
                <th scope="col" className="align-end">{t('payments.columns.amount')}</th>
                <th scope="col" className="align-end">{t('payments.columns.unapplied')}</th>
              </tr>
            </thead>
            <tbody>
              {payments.data.items.map((p) => (
                <tr key={p.id} data-testid={`payment-row-${p.id}`}>
                  <td>
                    <Link className="person-name" to="/b/$businessId/sales/payments/$paymentId" params={{ businessId, paymentId: p.id }}>
                      {format.date(`${p.date}T00:00:00`)}
                    </Link>
                  </td>
                  <td data-label={t('payments.columns.customer')}>{p.contact.name}</td>
                  <td data-label={t('payments.columns.method')}>{t(`payments.method.${p.method}`)}</td>
                  <td data-label={t('payments.columns.reference')}>{p.reference || '—'}</td>
                  <td data-label={t('payments.columns.amount')} className="align-end num">{money.json(p.amount)}</td>
                  <td data-label={t('payments.columns.unapplied')} className="align-end num">
                    {p.unapplied.amountMinor === '0' ? '—' : money.json(p.unapplied)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CursorPager
          pageIndex={pages.pageIndex}
          nextCursor={payments.data.nextCursor}
          onNext={pages.next}
          onPrevious={pages.previous}
          busy={payments.isFetching}
        />
      </>
    );
  }

  return (
    <Card
      title={t('payments.title')}
      description={t('payments.description')}
      testId="payments-section"
      actions={
        <CsvExportLink href={paymentsExportUrl(businessId, filters)} testId="export-payments" />
      }
    >
      <ListToolbar>
        <select
          className="input select input-sm"
          aria-label={t('payments.columns.method')}
          value={filters.method}
          onChange={(e) => set({ method: e.target.value as PaymentMethod | '' })}
          data-testid="payments-method"
        >
          <option value="">{t('payments.allMethods')}</option>
          {PAYMENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`payments.method.${m}`)}
            </option>
          ))}
        </select>
        <input className="input input-sm" type="date" aria-label={t('payments.from')} title={t('payments.from')} value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        <input className="input input-sm" type="date" aria-label={t('payments.to')} title={t('payments.to')} value={filters.to} onChange={(e) => set({ to: e.target.value })} />
        <label className="check">
          <input type="checkbox" checked={filters.unapplied} onChange={(e) => set({ unapplied: e.target.checked })} data-testid="payments-unapplied" />
          <span>{t('payments.onlyUnapplied')}</span>
        </label>
      </ListToolbar>
      {body}
    </Card>
  );
}

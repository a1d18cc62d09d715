import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCursorPages } from '../../../components/CursorPager';
import { Icon } from '../../../components/Icon';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useBillPayments, type BillPaymentFilters } from '../api/get-bill-payments';
import { exportUrl } from '../api/purchases-keys';
import { ListCard } from '../components/ListCard';
import { PagedList } from '../components/PagedList';
import { StatusBadge } from '../components/StatusBadge';

const METHODS = ['cash', 'bank_transfer', 'card', 'cheque', 'other'] as const;

export function BillPaymentsPage({ businessId, permissions }: { businessId: string; permissions: Permissions }) {
  const { t } = useTranslation();
  useDocumentTitle(t('billPayments.title'));
  const format = useFormatters();
  const money = useMoneyFormat();
  const canPay = allows(permissions, 'bills.pay');
  const [search, setSearch] = useState('');
  const [method, setMethod] = useState<BillPaymentFilters['method']>('');
  const [status, setStatus] = useState<BillPaymentFilters['status']>('');
  const q = useDebouncedValue(search);
  const filters: BillPaymentFilters = { q, method, status, contactId: '' };
  const pages = useCursorPages(JSON.stringify(filters));
  const payments = useBillPayments(businessId, filters, pages.cursor);
  const newLink = (size: 'sm' | 'md') => (
    <Link className={`btn btn-primary btn-${size}`} to="/b/$businessId/purchases/payments/new" params={{ businessId }} data-testid={size === 'sm' ? 'new-bill-payment' : undefined}>
      {size === 'sm' && <Icon name="plus" size={16} />}
      <span>{t('billPayments.new')}</span>
    </Link>
  );

  return (
    <ListCard
      title={t('billPayments.title')}
      description={t('billPayments.description')}
      testId="bill-payments"
      exportHref={exportUrl(businessId, 'bill-payments', filters)}
      newAction={canPay && newLink('sm')}
      search={{ value: search, onChange: setSearch, placeholder: t('billPayments.searchPlaceholder') }}
      filters={
        <>
        <select className="input select input-sm" aria-label={t('billPayments.columns.method')} value={method} onChange={(e) => setMethod(e.target.value as BillPaymentFilters['method'])}>
          <option value="">{t('billPayments.allMethods')}</option>
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`payments.method.${m}`)}
            </option>
          ))}
        </select>
        <select className="input select input-sm" aria-label={t('billPayments.columns.status')} value={status} onChange={(e) => setStatus(e.target.value as BillPaymentFilters['status'])}>
          <option value="">{t('billPayments.allStatuses')}</option>
          <option value="posted">{t('billPayments.status.posted')}</option>
          <option value="void">{t('billPayments.status.void')}</option>
        </select>
        </>
      }
    >
      <PagedList
        query={payments}
        pages={pages}
        columns={6}
        filtered={q.trim() !== '' || method !== '' || status !== ''}
        icon="purchases"
        testId="bill-payments"
        empty={{ title: t('billPayments.emptyTitle'), body: t('billPayments.emptyBody'), action: canPay && newLink('md') }}
        noMatch={{ title: t('billPayments.noMatchTitle'), body: t('billPayments.noMatchBody') }}
        onClear={() => {
          setSearch('');
          setMethod('');
          setStatus('');
        }}
      >
        {(items) => (
          <table className="table" data-testid="bill-payments-table">
            <thead>
              <tr>
                <th scope="col">{t('billPayments.columns.date')}</th>
                <th scope="col">{t('billPayments.columns.supplier')}</th>
                <th scope="col">{t('billPayments.columns.method')}</th>
                <th scope="col">{t('billPayments.columns.status')}</th>
                <th scope="col" className="align-end">{t('billPayments.columns.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id} data-testid={`bill-payment-row-${p.id}`}>
                  <td>
                    <div className="person">
                      <Link className="person-name" to="/b/$businessId/purchases/payments/$billPaymentId" params={{ businessId, billPaymentId: p.id }}>
                        {format.date(`${p.date}T00:00:00`)}
                      </Link>
                      {p.reference && <span className="person-email">{p.reference}</span>}
                    </div>
                  </td>
                  <td data-label={t('billPayments.columns.supplier')}>{p.contact.name}</td>
                  <td data-label={t('billPayments.columns.method')}>
                    {t(`payments.method.${p.method}` as 'payments.method.cash')} · {t(`billPayments.paidFrom.${p.paidFrom}` as 'billPayments.paidFrom.bank')}
                  </td>
                  <td data-label={t('billPayments.columns.status')}>
                    <StatusBadge kind="billPayments" status={p.status} />
                  </td>
                  <td data-label={t('billPayments.columns.amount')} className="align-end num">{money.json(p.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedList>
    </ListCard>
  );
}

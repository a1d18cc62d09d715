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
import { useBills, type BillFilters } from '../api/get-bills';
import { exportUrl } from '../api/purchases-keys';
import { ListCard } from '../components/ListCard';
import { PagedList } from '../components/PagedList';
import { StatusBadge } from '../components/StatusBadge';

const STATUSES = ['unpaid', 'overdue', 'draft', 'open', 'partially_paid', 'paid', 'void'] as const;

export function BillsPage({ businessId, permissions, initialStatus }: { businessId: string; permissions: Permissions; initialStatus?: 'overdue' | 'unpaid' }) {
  const { t } = useTranslation();
  useDocumentTitle(t('bills.title'));
  const format = useFormatters();
  const money = useMoneyFormat();
  const canWrite = allows(permissions, 'bills.write');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<BillFilters['status']>(initialStatus ?? '');
  const q = useDebouncedValue(search);
  const filters: BillFilters = { q, status, contactId: '' };
  const pages = useCursorPages(JSON.stringify(filters));
  const bills = useBills(businessId, filters, pages.cursor);
  const date = (iso: string) => format.date(`${iso}T00:00:00`);
  const newLink = (size: 'sm' | 'md') => (
    <Link className={`btn btn-primary btn-${size}`} to="/b/$businessId/purchases/bills/new" params={{ businessId }} data-testid={size === 'sm' ? 'new-bill' : undefined}>
      {size === 'sm' && <Icon name="plus" size={16} />}
      <span>{t('bills.new')}</span>
    </Link>
  );

  return (
    <ListCard
      title={t('bills.title')}
      description={t('bills.description')}
      testId="bills"
      exportHref={exportUrl(businessId, 'bills', filters)}
      newAction={canWrite && newLink('sm')}
      search={{ value: search, onChange: setSearch, placeholder: t('bills.searchPlaceholder') }}
      filters={
        <>
        <select
          className="input select input-sm"
          aria-label={t('bills.columns.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as BillFilters['status'])}
          data-testid="bills-status"
        >
          <option value="">{t('bills.allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`bills.status.${s}`)}
            </option>
          ))}
        </select>
        </>
      }
    >
      <PagedList
        query={bills}
        pages={pages}
        columns={6}
        filtered={q.trim() !== '' || status !== ''}
        icon="purchases"
        testId="bills"
        empty={{ title: t('bills.emptyTitle'), body: canWrite ? t('bills.emptyBody') : t('bills.emptyBodyReadOnly'), action: canWrite && newLink('md') }}
        noMatch={{ title: t('bills.noMatchTitle'), body: t('bills.noMatchBody') }}
        onClear={() => {
          setSearch('');
          setStatus('');
        }}
      >
        {(items) => (
          <table className="table" data-testid="bills-table">
            <thead>
              <tr>
                <th scope="col">{t('bills.columns.number')}</th>
                <th scope="col">{t('bills.columns.supplier')}</th>
                <th scope="col">{t('bills.columns.status')}</th>
                <th scope="col">{t('bills.columns.due')}</th>
                <th scope="col" className="align-end">{t('bills.columns.total')}</th>
                <th scope="col" className="align-end">{t('bills.columns.balance')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((b) => (
                <tr key={b.id} data-testid={`bill-row-${b.id}`} data-status={b.status}>
                  <td>
                    <div className="person">
                      <Link
                        className="person-name"
                        to={b.status === 'draft' ? '/b/$businessId/purchases/bills/$billId/edit' : '/b/$businessId/purchases/bills/$billId'}
                        params={{ businessId, billId: b.id }}
                      >
                        {b.number ?? t('bills.draftNumber')}
                      </Link>
                      <span className="person-email">
                        {[b.supplierReference, date(b.billDate)].filter(Boolean).join(' · ')}
                      </span>
                    </div>
                  </td>
                  <td data-label={t('bills.columns.supplier')}>{b.contact.name}</td>
                  <td data-label={t('bills.columns.status')}>
                    <StatusBadge kind="bills" status={b.status} overdue={b.overdue} testId="bill-status" />
                  </td>
                  <td data-label={t('bills.columns.due')}>{date(b.dueDate)}</td>
                  <td data-label={t('bills.columns.total')} className="align-end num">{money.json(b.total)}</td>
                  <td data-label={t('bills.columns.balance')} className="align-end num">{money.json(b.balance)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedList>
    </ListCard>
  );
}

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
import { useExpenses, type ExpenseFilters } from '../api/get-expenses';
import { useSpendAccounts } from '../api/get-spend-accounts';
import { exportUrl } from '../api/purchases-keys';
import { ListCard } from '../components/ListCard';
import { PagedList } from '../components/PagedList';
import { StatusBadge } from '../components/StatusBadge';

const STATUSES = ['unpaid', 'open', 'partially_paid', 'paid', 'void'] as const;
const PAID_FROM = ['cash', 'bank', 'accounts_payable'] as const;

export function ExpensesPage({ businessId, permissions }: { businessId: string; permissions: Permissions }) {
  const { t } = useTranslation();
  useDocumentTitle(t('expenses.title'));
  const format = useFormatters();
  const money = useMoneyFormat();
  const canWrite = allows(permissions, 'expenses.write');
  const accounts = useSpendAccounts(businessId);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<ExpenseFilters['status']>('');
  const [paidFrom, setPaidFrom] = useState<ExpenseFilters['paidFrom']>('');
  const [accountId, setAccountId] = useState('');
  const q = useDebouncedValue(search);
  const filters: ExpenseFilters = { q, status, paidFrom, accountId };
  const pages = useCursorPages(JSON.stringify(filters));
  const expenses = useExpenses(businessId, filters, pages.cursor);
  const newLink = (size: 'sm' | 'md') => (
    <Link className={`btn btn-primary btn-${size}`} to="/b/$businessId/purchases/expenses/new" params={{ businessId }} data-testid={size === 'sm' ? 'new-expense' : undefined}>
      {size === 'sm' && <Icon name="plus" size={16} />}
      <span>{t('expenses.new')}</span>
    </Link>
  );

  return (
    <ListCard
      title={t('expenses.title')}
      description={t('expenses.description')}
      testId="expenses"
      exportHref={exportUrl(businessId, 'expenses', filters)}
      newAction={canWrite && newLink('sm')}
      search={{ value: search, onChange: setSearch, placeholder: t('expenses.searchPlaceholder') }}
      filters={
        <>
        <select className="input select input-sm" aria-label={t('expenses.columns.category')} value={accountId} onChange={(e) => setAccountId(e.target.value)}>
          <option value="">{t('expenses.allCategories')}</option>
          {(accounts.data?.items ?? [])
            .filter((a) => a.type === 'expense')
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.code} · {a.name}
              </option>
            ))}
        </select>
        <select className="input select input-sm" aria-label={t('expenses.columns.paidFrom')} value={paidFrom} onChange={(e) => setPaidFrom(e.target.value as ExpenseFilters['paidFrom'])}>
          <option value="">{t('expenses.allPaidFrom')}</option>
          {PAID_FROM.map((p) => (
            <option key={p} value={p}>
              {t(`expenses.paidFrom.${p}`)}
            </option>
          ))}
        </select>
        <select className="input select input-sm" aria-label={t('expenses.columns.status')} value={status} onChange={(e) => setStatus(e.target.value as ExpenseFilters['status'])}>
          <option value="">{t('expenses.allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`expenses.status.${s}`)}
            </option>
          ))}
        </select>
        </>
      }
    >
      <PagedList
        query={expenses}
        pages={pages}
        columns={6}
        filtered={q.trim() !== '' || status !== '' || paidFrom !== '' || accountId !== ''}
        icon="purchases"
        testId="expenses"
        empty={{ title: t('expenses.emptyTitle'), body: canWrite ? t('expenses.emptyBody') : t('expenses.emptyBodyReadOnly'), action: canWrite && newLink('md') }}
        noMatch={{ title: t('expenses.noMatchTitle'), body: t('expenses.noMatchBody') }}
        onClear={() => {
          setSearch('');
          setStatus('');
          setPaidFrom('');
          setAccountId('');
        }}
      >
        {(items) => (
          <table className="table" data-testid="expenses-table">
            <thead>
              <tr>
                <th scope="col">{t('expenses.columns.date')}</th>
                <th scope="col">{t('expenses.columns.payee')}</th>
                <th scope="col">{t('expenses.columns.category')}</th>
                <th scope="col">{t('expenses.columns.paidFrom')}</th>
                <th scope="col">{t('expenses.columns.status')}</th>
                <th scope="col" className="align-end">{t('expenses.columns.total')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id} data-testid={`expense-row-${e.id}`}>
                  <td>
                    <Link className="person-name" to="/b/$businessId/purchases/expenses/$expenseId" params={{ businessId, expenseId: e.id }}>
                      {format.date(`${e.date}T00:00:00`)}
                    </Link>
                  </td>
                  <td data-label={t('expenses.columns.payee')}>
                    <div className="person">
                      <span className="person-name">
                        {e.payee}
                        {e.hasReceipt && (
                          <span className="receipt-flag" title={t('expenses.receipt.title')} aria-label={t('expenses.receipt.title')}>
                            <Icon name="copy" size={14} />
                          </span>
                        )}
                      </span>
                      {e.description && <span className="person-email">{e.description}</span>}
                    </div>
                  </td>
                  <td data-label={t('expenses.columns.category')}>{e.account.name}</td>
                  <td data-label={t('expenses.columns.paidFrom')}>{t(`expenses.paidFrom.${e.paidFrom}`)}</td>
                  <td data-label={t('expenses.columns.status')}>
                    <StatusBadge kind="expenses" status={e.status} />
                  </td>
                  <td data-label={t('expenses.columns.total')} className="align-end num">{money.json(e.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedList>
    </ListCard>
  );
}

import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { ErrorState } from '../../../components/ErrorState';
import { ListToolbar } from '../../../components/ListToolbar';
import { TableSkeleton } from '../../../components/Skeleton';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useAccountLedger } from '../api/get-account-ledger';

export function AccountLedgerPage({ businessId, accountId }: { businessId: string; accountId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoneyFormat();
  const [range, setRange] = useState({ from: '', to: '' });
  const pages = useCursorPages(JSON.stringify(range));
  const ledger = useAccountLedger(businessId, accountId, range, pages.cursor);
  const account = ledger.data?.account;
  useDocumentTitle(account ? `${account.code} ${account.name}` : t('books.accounts.title'));

  let body;
  if (ledger.isPending) body = <TableSkeleton columns={5} />;
  else if (ledger.isError) body = <ErrorState error={ledger.error} onRetry={() => void ledger.refetch()} retrying={ledger.isFetching} />;
  else {
    const d = ledger.data;
    body = (
      <>
        <div className={`table-wrap${ledger.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table report-table" data-testid="ledger-table">
            <thead>
              <tr>
                <th scope="col">{t('books.ledger.date')}</th>
                <th scope="col">{t('books.ledger.description')}</th>
                <th scope="col" className="align-end">
                  {t('books.ledger.debit')}
                </th>
                <th scope="col" className="align-end">
                  {t('books.ledger.credit')}
                </th>
                <th scope="col" className="align-end">
                  {t('books.ledger.running')}
                </th>
              </tr>
            </thead>
            <tbody>
              {pages.pageIndex === 0 && (
                <tr className="report-section-row">
                  <td>{format.date(`${d.from}T00:00:00`)}</td>
                  <td>{t('books.ledger.opening')}</td>
                  <td />
                  <td />
                  <td className="align-end num" data-testid="ledger-opening">
                    {money.json(d.openingBalance)}
                  </td>
                </tr>
              )}
              {d.items.length === 0 && (
                <tr>
                  <td colSpan={5} className="muted">
                    {t('books.ledger.empty')}
                  </td>
                </tr>
              )}
              {d.items.map((line) => (
                <tr key={`${line.entryId}-${line.lineNo}`}>
                  <td>{format.date(`${line.entryDate}T00:00:00`)}</td>
                  <td>
                    <span className="muted">#{line.entryNumber}</span> {line.lineDescription ?? line.description}
                  </td>
                  <td className="align-end num">{line.debit ? money.json({ ...line.baseAmount, amountMinor: line.baseAmount.amountMinor.replace('-', '') }) : ''}</td>
                  <td className="align-end num">{line.credit ? money.json({ ...line.baseAmount, amountMinor: line.baseAmount.amountMinor.replace('-', '') }) : ''}</td>
                  <td className="align-end num">{money.json(line.runningBalance)}</td>
                </tr>
              ))}
            </tbody>
            {!d.nextCursor && (
              <tfoot>
                <tr className="report-grand-row">
                  <td>{format.date(`${d.to}T00:00:00`)}</td>
                  <td>{t('books.ledger.closing')}</td>
                  <td className="align-end num">{money.json(d.totalDebit)}</td>
                  <td className="align-end num">{money.json(d.totalCredit)}</td>
                  <td className="align-end num" data-testid="ledger-closing">
                    {money.json(d.closingBalance)}
                  </td>
                </tr>
              </tfoot>
            )}
          </table>
        </div>
        <CursorPager pageIndex={pages.pageIndex} nextCursor={d.nextCursor} onNext={pages.next} onPrevious={pages.previous} busy={ledger.isFetching} />
      </>
    );
  }

  return (
    <Card
      title={account ? `${account.code} · ${account.name}` : t('books.accounts.title')}
      description={account ? `${t(`books.accounts.types.${account.type}`)} · ${t(`books.accounts.subtypes.${account.subtype}`)}` : undefined}
      testId="ledger-section"
      actions={
        <Link className="btn btn-ghost btn-sm" to="/b/$businessId/reports/accounts" params={{ businessId }}>
          ← {t('books.ledger.back')}
        </Link>
      }
    >
      <ListToolbar>
        <label className="inline-field">
          <span>{t('reports.from')}</span>
          <input className="input input-sm" type="date" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} />
        </label>
        <label className="inline-field">
          <span>{t('reports.to')}</span>
          <input className="input input-sm" type="date" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} />
        </label>
      </ListToolbar>
      {body}
    </Card>
  );
}

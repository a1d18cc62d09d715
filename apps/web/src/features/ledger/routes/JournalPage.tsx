import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { Icon } from '../../../components/Icon';
import { ListToolbar } from '../../../components/ListToolbar';
import { TableSkeleton } from '../../../components/Skeleton';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useJournalEntries, type JournalEntry, type JournalFilters } from '../api/get-journal-entries';
import { useReverseJournalEntry } from '../api/reverse-journal-entry';

const SOURCES = ['manual', 'invoice', 'payment', 'credit_note', 'refund', 'reversal'] as const;
const isSource = (s: string): s is (typeof SOURCES)[number] => (SOURCES as readonly string[]).includes(s);

export function JournalPage({ businessId, permissions }: { businessId: string; permissions: Permissions }) {
  const { t } = useTranslation();
  useDocumentTitle(t('books.journal.title'));
  const format = useFormatters();
  const money = useMoneyFormat();
  const canPost = allows(permissions, 'ledger.post');
  const [filters, setFilters] = useState<JournalFilters>({ from: '', to: '', sourceType: '' });
  const pages = useCursorPages(JSON.stringify(filters));
  const journal = useJournalEntries(businessId, filters, pages.cursor);
  const reverse = useReverseJournalEntry(businessId);
  const [reversing, setReversing] = useState<JournalEntry | null>(null);
  const filtered = !!(filters.from || filters.to || filters.sourceType);
  const sourceLabel = (s: string) => (isSource(s) ? t(`books.journal.sources.${s}`) : s);

  let body;
  if (journal.isPending) body = <TableSkeleton columns={4} />;
  else if (journal.isError) body = <ErrorState error={journal.error} onRetry={() => void journal.refetch()} retrying={journal.isFetching} />;
  else if (journal.data.items.length === 0)
    body = (
      <EmptyState
        icon="reports"
        title={t('books.journal.empty')}
        testId="journal-empty"
        action={
          filtered && (
            <Button variant="secondary" onClick={() => setFilters({ from: '', to: '', sourceType: '' })}>
              {t('common.clearFilters')}
            </Button>
          )
        }
      />
    );
  else
    body = (
      <>
        <ol className={`journal-list${journal.isPlaceholderData ? ' is-stale' : ''}`} data-testid="journal-list">
          {journal.data.items.map((entry) => (
            <li key={entry.id} className="journal-entry" data-testid={`journal-entry-${entry.entryNumber}`}>
              <header className="journal-entry-header">
                <div>
                  <strong>{t('books.journal.entryNumber', { number: entry.entryNumber })}</strong>
                  <span className="muted"> · {format.date(`${entry.entryDate}T00:00:00`)} · </span>
                  <span className="badge badge-muted">{sourceLabel(entry.sourceType)}</span>
                  {entry.reversedByEntryId && <span className="badge badge-invoice-void">{t('books.journal.reversed')}</span>}
                  {entry.reversesEntryId && entry.sourceType !== 'reversal' && <span className="badge badge-muted">{t('books.journal.reversal')}</span>}
                  <p className="journal-entry-description">{entry.description}</p>
                </div>
                {canPost && entry.sourceType === 'manual' && !entry.reversedByEntryId && !entry.reversesEntryId && (
                  <Button size="sm" variant="secondary" onClick={() => setReversing(entry)} data-testid={`journal-reverse-${entry.entryNumber}`}>
                    {t('books.journal.reverse')}
                  </Button>
                )}
              </header>
              <div className="table-wrap">
                <table className="table table-compact">
                  <thead>
                    <tr>
                      <th scope="col">{t('books.entry.account')}</th>
                      <th scope="col" className="align-end">
                        {t('books.ledger.debit')}
                      </th>
                      <th scope="col" className="align-end">
                        {t('books.ledger.credit')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {entry.lines.map((line) => {
                      const foreign = line.amount.currency !== line.baseAmount.currency;
                      const amount = (
                        <>
                          {money.json(line.baseAmount.amountMinor.startsWith('-') ? { ...line.baseAmount, amountMinor: line.baseAmount.amountMinor.slice(1) } : line.baseAmount)}
                          {foreign && (
                            <span className="muted small">
                              {' '}
                              ({money.json(line.amount.amountMinor.startsWith('-') ? { ...line.amount, amountMinor: line.amount.amountMinor.slice(1) } : line.amount)})
                            </span>
                          )}
                        </>
                      );
                      return (
                        <tr key={line.lineNo}>
                          <td className={line.side === 'credit' ? 'report-indent' : undefined}>
                            <Link to="/b/$businessId/reports/accounts/$accountId" params={{ businessId, accountId: line.account.id }}>
                              {line.account.code} {line.account.name}
                            </Link>
                            {line.description && <span className="muted small"> — {line.description}</span>}
                          </td>
                          <td className="align-end num">{line.side === 'debit' ? amount : ''}</td>
                          <td className="align-end num">{line.side === 'credit' ? amount : ''}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </li>
          ))}
        </ol>
        <CursorPager pageIndex={pages.pageIndex} nextCursor={journal.data.nextCursor} onNext={pages.next} onPrevious={pages.previous} busy={journal.isFetching} />
      </>
    );

  return (
    <Card
      title={t('books.journal.title')}
      description={t('books.journal.description')}
      testId="journal-section"
      actions={
        canPost && (
          <Link className="btn btn-primary btn-sm" to="/b/$businessId/reports/journal/new" params={{ businessId }} data-testid="journal-new">
            <Icon name="plus" size={16} />
            <span>{t('books.journal.newEntry')}</span>
          </Link>
        )
      }
    >
      <ListToolbar>
        <label className="inline-field">
          <span>{t('reports.from')}</span>
          <input className="input input-sm" type="date" value={filters.from} onChange={(e) => setFilters({ ...filters, from: e.target.value })} />
        </label>
        <label className="inline-field">
          <span>{t('reports.to')}</span>
          <input className="input input-sm" type="date" value={filters.to} onChange={(e) => setFilters({ ...filters, to: e.target.value })} />
        </label>
        <select
          className="input select input-sm"
          aria-label={t('books.journal.allSources')}
          value={filters.sourceType}
          onChange={(e) => setFilters({ ...filters, sourceType: e.target.value })}
          data-testid="journal-source"
        >
          <option value="">{t('books.journal.allSources')}</option>
          {SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(`books.journal.sources.${s}`)}
            </option>
          ))}
        </select>
      </ListToolbar>
      {body}
      <ConfirmDialog
        open={!!reversing}
        title={t('books.journal.reverseTitle', { number: reversing?.entryNumber ?? '' })}
        confirmLabel={t('books.journal.reverse')}
        pending={reverse.isPending}
        error={reverse.error}
        onCancel={() => {
          setReversing(null);
          reverse.reset();
        }}
        onConfirm={() => reversing && reverse.mutate(reversing.id, { onSuccess: () => setReversing(null) })}
      >
        {t('books.journal.reverseBody')}
      </ConfirmDialog>
    </Card>
  );
}

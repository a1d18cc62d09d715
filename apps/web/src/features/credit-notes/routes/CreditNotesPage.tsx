import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { CsvExportLink } from '../../../components/CsvExportLink';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/Skeleton';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { creditNotesExportUrl } from '../api/export-credit-notes';
import { useCreditNotes, type CreditNoteFilters } from '../api/get-credit-notes';

const ALL_CREDIT_NOTES: CreditNoteFilters = { invoiceId: '', contactId: '' };

export function CreditNotesPage({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('creditNotes.title'));
  const format = useFormatters();
  const money = useMoneyFormat();
  const pages = useCursorPages();
  const filters = ALL_CREDIT_NOTES;
  const notes = useCreditNotes(businessId, filters, pages.cursor);

  let body;
  if (notes.isPending) body = <TableSkeleton columns={6} />;
  else if (notes.isError) body = <ErrorState error={notes.error} onRetry={() => void notes.refetch()} retrying={notes.isFetching} />;
  else if (notes.data.items.length === 0)
    body = (
      <EmptyState
        icon="sales"
        title={t('creditNotes.emptyTitle')}
        testId="credit-notes-empty"
        action={
          <Link className="btn btn-secondary btn-md" to="/b/$businessId/sales/invoices" params={{ businessId }}>
            {t('invoices.title')}
          </Link>
        }
      >
        {t('creditNotes.emptyBody')}
      </EmptyState>
    );
  else
    body = (
      <>
        <div className={`table-wrap${notes.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table" data-testid="credit-notes-table">
            <thead>
              <tr>
                <th scope="col">{t('creditNotes.columns.number')}</th>
                <th scope="col">{t('creditNotes.columns.invoice')}</th>
                <th scope="col">{t('creditNotes.columns.customer')}</th>
                <th scope="col">{t('creditNotes.columns.date')}</th>
                <th scope="col">{t('creditNotes.columns.reason')}</th>
                <th scope="col" className="align-end">{t('creditNotes.columns.total')}</th>
              </tr>
            </thead>
            <tbody>
              {notes.data.items.map((note) => (
                <tr key={note.id}>
                  <td className="num">
                    <Link className="person-name" to="/b/$businessId/sales/credit-notes/$creditNoteId" params={{ businessId, creditNoteId: note.id }}>
                      {note.number}
                    </Link>
                  </td>
                  <td data-label={t('creditNotes.columns.invoice')} className="num">
                    <Link to="/b/$businessId/sales/invoices/$invoiceId" params={{ businessId, invoiceId: note.invoice.id }}>
                      {note.invoice.number}
                    </Link>
                  </td>
                  <td data-label={t('creditNotes.columns.customer')}>{note.contact.name}</td>
                  <td data-label={t('creditNotes.columns.date')} className="num">{format.date(`${note.date}T00:00:00`)}</td>
                  <td data-label={t('creditNotes.columns.reason')}>{note.reason}</td>
                  <td data-label={t('creditNotes.columns.total')} className="align-end num">{money.json(note.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CursorPager pageIndex={pages.pageIndex} nextCursor={notes.data.nextCursor} onNext={pages.next} onPrevious={pages.previous} busy={notes.isFetching} />
      </>
    );

  return (
    <Card
      title={t('creditNotes.title')}
      description={t('creditNotes.description')}
      testId="credit-notes-section"
      actions={
        <CsvExportLink href={creditNotesExportUrl(businessId, filters)} testId="export-credit-notes" />
      }
    >
      {body}
    </Card>
  );
}

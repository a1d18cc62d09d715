import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { useCreditNotes } from '../api/get-credit-notes';

/** Credit notes issued against one invoice; nothing is shown while there are none. */
export function InvoiceCreditNotes({ businessId, invoiceId }: { businessId: string; invoiceId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoneyFormat();
  const notes = useCreditNotes(businessId, { invoiceId, contactId: '' });
  if (!notes.data || notes.data.items.length === 0) return null;
  return (
    <Card title={t('creditNotes.ofInvoice')} testId="invoice-credit-notes">
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('creditNotes.columns.number')}</th>
              <th scope="col">{t('creditNotes.columns.date')}</th>
              <th scope="col">{t('creditNotes.columns.reason')}</th>
              <th scope="col" className="align-end">{t('creditNotes.columns.total')}</th>
            </tr>
          </thead>
          <tbody>
            {notes.data.items.map((note) => (
              <tr key={note.id}>
                <td>
                  <Link to="/b/$businessId/sales/credit-notes/$creditNoteId" params={{ businessId, creditNoteId: note.id }}>
                    {note.number}
                  </Link>
                </td>
                <td data-label={t('creditNotes.columns.date')}>{format.date(`${note.date}T00:00:00`)}</td>
                <td data-label={t('creditNotes.columns.reason')}>{note.reason}</td>
                <td data-label={t('creditNotes.columns.total')} className="align-end num">{money.json(note.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

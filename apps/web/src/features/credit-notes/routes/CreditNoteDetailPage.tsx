import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { ErrorState } from '../../../components/ErrorState';
import { PageSpinner } from '../../../components/Spinner';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCreditNote } from '../api/get-credit-note';

export function CreditNoteDetailPage({ businessId, creditNoteId }: { businessId: string; creditNoteId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoneyFormat();
  const note = useCreditNote(businessId, creditNoteId);
  useDocumentTitle(note.data?.number ?? t('creditNotes.title'));

  if (note.isPending) return <PageSpinner />;
  if (note.isError) return <ErrorState error={note.error} onRetry={() => void note.refetch()} retrying={note.isFetching} />;
  const cn = note.data;

  return (
    <div className="subpage" data-testid="page-credit-note">
      <Link className="back-link" to="/b/$businessId/sales/credit-notes" params={{ businessId }}>
        ← {t('creditNotes.back')}
      </Link>
      <div className="subpage-head">
        <h2 className="subpage-title" data-testid="credit-note-number">{cn.number}</h2>
      </div>
      <Card>
        <dl className="facts">
          <div>
            <dt>{t('creditNotes.columns.customer')}</dt>
            <dd>
              <Link to="/b/$businessId/sales/customers/$contactId" params={{ businessId, contactId: cn.contact.id }}>
                {cn.contact.name}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t('creditNotes.columns.invoice')}</dt>
            <dd>
              <Link to="/b/$businessId/sales/invoices/$invoiceId" params={{ businessId, invoiceId: cn.invoice.id }}>
                {cn.invoice.number}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t('creditNotes.columns.date')}</dt>
            <dd>{format.date(`${cn.date}T00:00:00`)}</dd>
          </div>
          <div>
            <dt>{t('creditNotes.columns.reason')}</dt>
            <dd>{cn.reason}</dd>
          </div>
        </dl>
      </Card>
      <Card title={t('invoices.lines.title')}>
        <div className="table-wrap">
          <table className="table" data-testid="credit-note-lines">
            <thead>
              <tr>
                <th scope="col">{t('invoices.lines.description')}</th>
                <th scope="col" className="align-end">{t('invoices.lines.quantity')}</th>
                <th scope="col" className="align-end">{t('invoices.lines.unitPrice')}</th>
                <th scope="col" className="align-end">{t('invoices.lines.tax')}</th>
                <th scope="col" className="align-end">{t('invoices.lines.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {cn.lines.map((line) => (
                <tr key={line.id}>
                  <td>{line.description}</td>
                  <td data-label={t('invoices.lines.quantity')} className="align-end num">{line.quantity}</td>
                  <td data-label={t('invoices.lines.unitPrice')} className="align-end num">{money.json(line.unitPrice)}</td>
                  <td data-label={t('invoices.lines.tax')} className="align-end num">{line.taxRatePercent === '0' ? '—' : `${line.taxRatePercent}%`}</td>
                  <td data-label={t('invoices.lines.amount')} className="align-end num">{money.json(cn.pricesIncludeTax ? line.total : line.net)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="totals">
          <dl>
            <div>
              <dt>{t('invoices.totals.subtotal')}</dt>
              <dd className="num">{money.json(cn.subtotal)}</dd>
            </div>
            <div>
              <dt>{t('invoices.lines.tax')}</dt>
              <dd className="num">{money.json(cn.tax)}</dd>
            </div>
            <div className="totals-grand">
              <dt>{t('invoices.totals.total')}</dt>
              <dd className="num" data-testid="credit-note-total">{money.json(cn.total)}</dd>
            </div>
          </dl>
        </div>
      </Card>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { PublicDocumentPage } from '../../../components/PublicDocumentPage';
import { useFormatters } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { DocumentLinesTable } from '../../sales-documents/components/DocumentLinesTable';
import { DocumentNotes } from '../../sales-documents/components/DocumentNotes';
import { DocumentTotals } from '../../sales-documents/components/DocumentTotals';
import { usePublicQuote, type PublicQuote } from '../api/get-public-quote';

/** What a customer sees from a quote link: no sign-in, no app chrome; printable from the browser. */
export function PublicQuotePage({ token }: { token: string }) {
  const { t } = useTranslation();
  const quote = usePublicQuote(token);
  useDocumentTitle(quote.data ? t('publicQuote.title', { number: quote.data.number }) : t('app.name'));

  return (
    <PublicDocumentPage
      testId="page-public-quote"
      query={quote}
      notFound={{ testId: 'public-quote-not-found', title: t('publicQuote.notFoundTitle'), body: t('publicQuote.notFoundBody') }}
    >
      {(q) => <QuoteView quote={q} />}
    </PublicDocumentPage>
  );
}

function QuoteView({ quote: q }: { quote: PublicQuote }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const date = (iso: string) => format.date(`${iso}T00:00:00`);
  return (
    <article className="public-invoice" data-testid="public-quote" data-status={q.status}>
      <header className="public-invoice-head">
        <div>
          <p className="muted small">{t('publicQuote.from')}</p>
          <h1 className="public-business" data-testid="public-quote-business">{q.businessName}</h1>
        </div>
        <div className="public-invoice-meta">
          <h2 className="public-number" data-testid="public-quote-number">{t('publicQuote.title', { number: q.number })}</h2>
          <span className={`badge badge-quote-${q.status}`} data-testid="public-quote-status">
            {t(`publicQuote.status.${q.status}`)}
          </span>
        </div>
      </header>
      {q.status === 'expired' && <p className="alert alert-warning">{t('publicQuote.expiredNote', { date: date(q.validUntil) })}</p>}
      {q.status === 'sent' && <p className="alert alert-info">{t('publicQuote.howToAccept', { business: q.businessName, date: date(q.validUntil) })}</p>}
      <dl className="facts">
        <div>
          <dt>{t('publicQuote.preparedFor')}</dt>
          <dd data-testid="public-quote-customer">{q.customerName}</dd>
        </div>
        <div>
          <dt>{t('quotes.fields.issueDate')}</dt>
          <dd>{date(q.issueDate)}</dd>
        </div>
        <div>
          <dt>{t('quotes.fields.validUntil')}</dt>
          <dd>{date(q.validUntil)}</dd>
        </div>
      </dl>
      <DocumentLinesTable
        lines={q.lines.map((l, i) => ({ ...l, id: String(i) }))}
        pricesIncludeTax={q.pricesIncludeTax}
        testId="public-quote-lines"
      />
      <div className="editor-bottom">
        <DocumentNotes notes={q.notes} terms={q.terms} />
        <DocumentTotals doc={q} />
      </div>
    </article>
  );
}

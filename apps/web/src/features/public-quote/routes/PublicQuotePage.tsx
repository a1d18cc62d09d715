import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { Logo } from '../../../components/Logo';
import { PageSpinner } from '../../../components/Spinner';
import { ApiError } from '../../../lib/api';
import { useFormatters } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { DocumentLinesTable } from '../../sales-documents/components/DocumentLinesTable';
import { DocumentNotes } from '../../sales-documents/components/DocumentNotes';
import { DocumentTotals } from '../../sales-documents/components/DocumentTotals';
import { usePublicQuote } from '../api/get-public-quote';

/** What a customer sees from a quote link: no sign-in, no app chrome; printable from the browser. */
export function PublicQuotePage({ token }: { token: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const quote = usePublicQuote(token);
  useDocumentTitle(quote.data ? t('publicQuote.title', { number: quote.data.number }) : t('app.name'));

  let body;
  if (quote.isPending) {
    body = <PageSpinner />;
  } else if (quote.isError) {
    body =
      quote.error instanceof ApiError && quote.error.status === 404 ? (
        <div className="public-invoice public-invoice-missing" data-testid="public-quote-not-found">
          <h1 className="page-title">{t('publicQuote.notFoundTitle')}</h1>
          <p className="muted">{t('publicQuote.notFoundBody')}</p>
        </div>
      ) : (
        <ErrorState error={quote.error} onRetry={() => void quote.refetch()} retrying={quote.isFetching} />
      );
  } else {
    const q = quote.data;
    const date = (iso: string) => format.date(`${iso}T00:00:00`);
    body = (
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

  return (
    <div className="public-page" data-testid="page-public-quote">
      <div className="public-topbar">
        <LanguageSwitch />
      </div>
      {body}
      <footer className="public-footer">
        <Logo compact /> <span className="muted small">{t('publicInvoice.poweredBy')}</span>
      </footer>
    </div>
  );
}

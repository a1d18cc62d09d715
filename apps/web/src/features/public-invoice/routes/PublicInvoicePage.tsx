import { useTranslation } from 'react-i18next';
import { PdfDownload } from '../../../components/PdfDownload';
import { PublicDocumentPage } from '../../../components/PublicDocumentPage';
import { regionName, useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { usePublicInvoice, type PublicInvoice } from '../api/get-public-invoice';

/** What a customer sees from an invoice link: no sign-in, no app chrome. */
export function PublicInvoicePage({ token }: { token: string }) {
  const { t } = useTranslation();
  const invoice = usePublicInvoice(token);
  useDocumentTitle(invoice.data ? t('publicInvoice.title', { number: invoice.data.number }) : t('app.name'));

  return (
    <PublicDocumentPage
      testId="page-public-invoice"
      query={invoice}
      notFound={{ testId: 'public-invoice-not-found', title: t('publicInvoice.notFoundTitle'), body: t('publicInvoice.notFoundBody') }}
    >
      {(inv) => <InvoiceView invoice={inv} token={token} />}
    </PublicDocumentPage>
  );
}

function InvoiceView({ invoice: inv, token }: { invoice: PublicInvoice; token: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const money = useMoneyFormat();
  const date = (iso: string) => format.date(`${iso}T00:00:00`);
  const isVoid = inv.status === 'void';
  return (
    <article className={`public-invoice${isVoid ? ' is-void' : ''}`} data-testid="public-invoice" data-status={inv.status}>
      {isVoid && (
        <div className="void-stamp" aria-hidden="true">
          {t('publicInvoice.voidStamp')}
        </div>
      )}
      <header className="public-invoice-head">
        <div className="public-seller">
          <p className="muted small">{t('publicInvoice.from')}</p>
          <h1 className="public-business" data-testid="public-invoice-business">{inv.business.name}</h1>
          <address className="public-seller-details" data-testid="public-invoice-seller">
            {[...inv.business.address, ...(inv.business.country ? [regionName(inv.business.country, i18n.language)] : [])].map((line) => (
              <span key={line}>{line}</span>
            ))}
            {inv.business.phone && <span>{t('publicInvoice.phone', { phone: inv.business.phone })}</span>}
            {inv.business.email && (
              <span>
                <a href={`mailto:${inv.business.email}`}>{inv.business.email}</a>
              </span>
            )}
            {inv.business.taxId && <span>{t('publicInvoice.taxId', { taxId: inv.business.taxId })}</span>}
          </address>
        </div>
        <div className="public-invoice-meta">
          <h2 className="public-number" data-testid="public-invoice-number">{t('publicInvoice.title', { number: inv.number })}</h2>
          <span className={`badge badge-invoice-${inv.status}`} data-testid="public-invoice-status">
            {t(`invoices.status.${inv.status}`)}
          </span>
        </div>
      </header>
      {isVoid && <p className="alert alert-warning">{t('publicInvoice.voidNote')}</p>}
      <dl className="facts">
        <div>
          <dt>{t('publicInvoice.billTo')}</dt>
          <dd data-testid="public-invoice-customer">{inv.customer.name}</dd>
        </div>
        <div>
          <dt>{t('publicInvoice.issueDate')}</dt>
          <dd>{date(inv.issueDate)}</dd>
        </div>
        <div>
          <dt>{t('publicInvoice.dueDate')}</dt>
          <dd>{date(inv.dueDate)}</dd>
        </div>
      </dl>
      <div className="table-wrap">
        <table className="table" data-testid="public-invoice-lines">
          <thead>
            <tr>
              <th scope="col">{t('invoices.lines.description')}</th>
              <th scope="col" className="align-end">{t('invoices.lines.quantity')}</th>
              <th scope="col" className="align-end">{t('invoices.lines.unitPrice')}</th>
              <th scope="col" className="align-end">{t('invoices.lines.tax')}</th>
              <th scope="col" className="align-end">{inv.pricesIncludeTax ? t('invoices.lines.amount') : t('invoices.totals.total')}</th>
            </tr>
          </thead>
          <tbody>
            {inv.lines.map((line, i) => (
              <tr key={i}>
                <td>
                  {line.description}
                  {line.discountPercent !== '0' && <span className="muted small"> · −{line.discountPercent}%</span>}
                </td>
                <td data-label={t('invoices.lines.quantity')} className="align-end num">{line.quantity}</td>
                <td data-label={t('invoices.lines.unitPrice')} className="align-end num">{money.json(line.unitPrice)}</td>
                <td data-label={t('invoices.lines.tax')} className="align-end num">{line.taxRatePercent === '0' ? '—' : `${line.taxRatePercent}%`}</td>
                <td data-label={inv.pricesIncludeTax ? t('invoices.lines.amount') : t('invoices.totals.total')} className="align-end num">
                  {money.json(line.total)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="public-invoice-foot">
        <PdfDownload
          href={`/api/public/invoices/${encodeURIComponent(token)}/pdf`}
          fileName={`${inv.number}.pdf`}
          credentials="omit"
          testId="public-invoice-pdf"
        />
        <div className="totals" data-testid="public-invoice-totals">
          <dl>
            {inv.discount.amountMinor !== '0' && (
              <div>
                <dt>{t('invoices.totals.discount')}</dt>
                <dd className="num">−{money.json(inv.discount)}</dd>
              </div>
            )}
            <div>
              <dt>{t('invoices.totals.subtotal')}</dt>
              <dd className="num">{money.json(inv.subtotal)}</dd>
            </div>
            {inv.taxes.map((tax) => (
              <div key={tax.ratePercent}>
                <dt>{inv.pricesIncludeTax ? t('invoices.totals.taxIncluded', { rate: tax.ratePercent }) : t('invoices.totals.tax', { rate: tax.ratePercent })}</dt>
                <dd className="num">{money.json(tax.tax)}</dd>
              </div>
            ))}
            <div className="totals-grand">
              <dt>{t('invoices.totals.total')}</dt>
              <dd className="num">{money.json(inv.total)}</dd>
            </div>
            {inv.paid.amountMinor !== '0' && (
              <div>
                <dt>{t('invoices.totals.paid')}</dt>
                <dd className="num">{money.json(inv.paid)}</dd>
              </div>
            )}
            {inv.credited.amountMinor !== '0' && (
              <div>
                <dt>{t('invoices.totals.credited')}</dt>
                <dd className="num">{money.json(inv.credited)}</dd>
              </div>
            )}
            <div className="totals-grand">
              <dt>{t('invoices.totals.balance')}</dt>
              <dd className="num" data-testid="public-invoice-balance">{money.json(inv.balance)}</dd>
            </div>
          </dl>
        </div>
      </div>
    </article>
  );
}

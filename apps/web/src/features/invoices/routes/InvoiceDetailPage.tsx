import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorState } from '../../../components/ErrorState';
import { TextAreaField } from '../../../components/Field';
import { PageSpinner } from '../../../components/Spinner';
import { useFormErrors } from '../../../lib/error-message';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { IssueCreditNoteDialog } from '../../credit-notes/components/IssueCreditNoteDialog';
import { InvoiceCreditNotes } from '../../credit-notes/components/InvoiceCreditNotes';
import { InvoicePayments } from '../../payments/components/InvoicePayments';
import { RecordPaymentDialog } from '../../payments/components/RecordPaymentDialog';
import { InvoiceReminders } from '../../reminders/components/InvoiceReminders';
import { useInvoice } from '../api/get-invoice';
import { useVoidInvoice } from '../api/void-invoice';
import { InvoiceShare } from '../components/InvoiceShare';
import { InvoiceStatusBadge } from '../components/InvoiceStatusBadge';
import { InvoiceTotals } from '../components/InvoiceTotals';

export function InvoiceDetailPage({
  businessId,
  invoiceId,
  permissions,
  baseCurrency,
}: {
  businessId: string;
  invoiceId: string;
  permissions: Permissions;
  baseCurrency: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormatters();
  const money = useMoneyFormat();
  const invoice = useInvoice(businessId, invoiceId);
  const voidInvoice = useVoidInvoice(businessId);
  const [voiding, setVoiding] = useState(false);
  const [reason, setReason] = useState('');
  const [paying, setPaying] = useState(false);
  const [crediting, setCrediting] = useState(false);
  const voidErrors = useFormErrors(voidInvoice.error, ['reason']);
  useDocumentTitle(invoice.data?.number ?? t('invoices.title'));

  if (invoice.isPending) return <PageSpinner />;
  if (invoice.isError) return <ErrorState error={invoice.error} onRetry={() => void invoice.refetch()} retrying={invoice.isFetching} />;
  const inv = invoice.data;
  // The API voids only an issued invoice with nothing paid or credited; anything else is refunded or credited instead.
  const canVoid =
    allows(permissions, 'invoices.void') && inv.status === 'issued' && inv.paid.amountMinor === '0' && inv.credited.amountMinor === '0';
  const date = (iso: string) => format.date(`${iso}T00:00:00`);
  const open = inv.status === 'issued' || inv.status === 'partially_paid';
  const canPay = open && inv.balance.amountMinor !== '0' && allows(permissions, 'payments.write');
  const canCredit = open && allows(permissions, 'invoices.issue');
  const issued = inv.status !== 'draft';

  return (
    <div className="subpage" data-testid="page-invoice">
      <Link className="back-link" to="/b/$businessId/sales/invoices" params={{ businessId }}>
        ← {t('invoices.back')}
      </Link>
      <div className="subpage-head">
        <h2 className="subpage-title" data-testid="invoice-number">
          {inv.number ?? t('invoices.draftNumber')} <InvoiceStatusBadge status={inv.status} overdue={inv.overdue} />
        </h2>
        <div className="page-actions">
          {canPay && (
            <Button onClick={() => setPaying(true)} data-testid="record-payment">
              {t('payments.record')}
            </Button>
          )}
          {canCredit && (
            <Button variant="secondary" onClick={() => setCrediting(true)} data-testid="issue-credit-note">
              {t('creditNotes.issue')}
            </Button>
          )}
          {inv.status === 'draft' && allows(permissions, 'invoices.write') && (
            <Button onClick={() => void navigate({ to: '/b/$businessId/sales/invoices/$invoiceId/edit', params: { businessId, invoiceId } })}>
              {t('common.edit')}
            </Button>
          )}
          {allows(permissions, 'invoices.write') && (
            <Link
              className="btn btn-ghost btn-md"
              to="/b/$businessId/sales/recurring/new"
              params={{ businessId }}
              search={{ fromInvoice: invoiceId }}
              data-testid="make-recurring"
            >
              {t('recurring.makeRecurring')}
            </Link>
          )}
          {canVoid && (
            <Button
              variant="secondary"
              className="text-danger"
              onClick={() => {
                voidInvoice.reset();
                setReason('');
                setVoiding(true);
              }}
              data-testid="void-invoice"
            >
              {t('invoices.void')}
            </Button>
          )}
        </div>
      </div>
      <Card>
        <dl className="facts">
          <div>
            <dt>{t('invoices.fields.customer')}</dt>
            <dd>
              <Link to="/b/$businessId/sales/customers/$contactId" params={{ businessId, contactId: inv.contact.id }}>
                {inv.contact.name}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t('invoices.fields.issueDate')}</dt>
            <dd>{date(inv.issueDate)}</dd>
          </div>
          <div>
            <dt>{t('invoices.fields.dueDate')}</dt>
            <dd className={inv.overdue ? 'text-danger' : undefined}>{date(inv.dueDate)}</dd>
          </div>
          <div>
            <dt>{t('invoices.fields.currency')}</dt>
            <dd>
              {inv.currency}
              {inv.exchangeRate && <span className="muted small"> · {t('invoices.rateApplied', { rate: inv.exchangeRate })}</span>}
            </dd>
          </div>
          {inv.issuedAt && (
            <div>
              <dt>{t('invoices.issuedAt')}</dt>
              <dd>{format.dateTime(inv.issuedAt)}</dd>
            </div>
          )}
          <div>
            <dt>{t('invoices.taxRules')}</dt>
            <dd>
              {inv.pricesIncludeTax ? t('taxes.inclusive') : t('taxes.exclusive')} ·{' '}
              {inv.taxRounding === 'line' ? t('taxes.roundLine') : t('taxes.roundDocument')}
            </dd>
          </div>
        </dl>
      </Card>
      {issued && inv.number && (
        <InvoiceShare
          businessId={businessId}
          invoiceId={invoiceId}
          number={inv.number}
          canSend={inv.status !== 'void' && allows(permissions, 'invoices.issue')}
        />
      )}
      <Card title={t('invoices.lines.title')}>
        <div className="table-wrap">
          <table className="table" data-testid="invoice-detail-lines">
            <thead>
              <tr>
                <th scope="col">{t('invoices.lines.description')}</th>
                <th scope="col" className="align-end">{t('invoices.lines.quantity')}</th>
                <th scope="col" className="align-end">{t('invoices.lines.unitPrice')}</th>
                <th scope="col" className="align-end">{t('invoices.lines.discount')}</th>
                <th scope="col" className="align-end">{t('invoices.lines.tax')}</th>
                <th scope="col" className="align-end">{t('invoices.lines.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {inv.lines.map((line) => (
                <tr key={line.id}>
                  <td>{line.description}</td>
                  <td data-label={t('invoices.lines.quantity')} className="align-end num">{line.quantity}</td>
                  <td data-label={t('invoices.lines.unitPrice')} className="align-end num">{money.json(line.unitPrice)}</td>
                  <td data-label={t('invoices.lines.discount')} className="align-end num">
                    {line.discountPercent === '0' ? '—' : `${line.discountPercent}%`}
                  </td>
                  <td data-label={t('invoices.lines.tax')} className="align-end num">{line.taxRatePercent === '0' ? '—' : `${line.taxRatePercent}%`}</td>
                  <td data-label={t('invoices.lines.amount')} className="align-end num">
                    {money.json(inv.pricesIncludeTax ? line.total : line.net)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="editor-bottom">
          <div className="editor-notes">
            {inv.notes && (
              <>
                <h3 className="field-label">{t('invoices.fields.notes')}</h3>
                <p className="pre-wrap">{inv.notes}</p>
              </>
            )}
            {inv.terms && (
              <>
                <h3 className="field-label">{t('invoices.fields.terms')}</h3>
                <p className="pre-wrap">{inv.terms}</p>
              </>
            )}
          </div>
          <InvoiceTotals
            pricesIncludeTax={inv.pricesIncludeTax}
            view={{
              currency: inv.currency,
              discountMinor: BigInt(inv.discount.amountMinor),
              subtotalMinor: BigInt(inv.subtotal.amountMinor),
              taxes: inv.taxes.map((x) => ({ ratePercent: x.ratePercent, taxMinor: BigInt(x.tax.amountMinor) })),
              totalMinor: BigInt(inv.total.amountMinor),
              extra:
                inv.status === 'draft'
                  ? []
                  : [
                      { key: 'paid', label: t('invoices.totals.paid'), amountMinor: BigInt(inv.paid.amountMinor) },
                      ...(inv.credited.amountMinor !== '0'
                        ? [{ key: 'credited', label: t('invoices.totals.credited'), amountMinor: BigInt(inv.credited.amountMinor) }]
                        : []),
                      { key: 'balance', label: t('invoices.totals.balance'), amountMinor: BigInt(inv.balance.amountMinor), strong: true },
                    ],
            }}
          />
        </div>
      </Card>
      {issued && <InvoicePayments businessId={businessId} invoiceId={invoiceId} />}
      {issued && <InvoiceCreditNotes businessId={businessId} invoiceId={invoiceId} />}
      {issued && <InvoiceReminders businessId={businessId} invoiceId={invoiceId} />}
      {paying && inv.number && (
        <RecordPaymentDialog
          businessId={businessId}
          baseCurrency={baseCurrency}
          open={paying}
          onClose={() => setPaying(false)}
          invoice={{ id: inv.id, number: inv.number, contactId: inv.contact.id, currency: inv.currency, exchangeRate: inv.exchangeRate, balance: inv.balance }}
        />
      )}
      {crediting && inv.number && (
        <IssueCreditNoteDialog
          businessId={businessId}
          open={crediting}
          onClose={() => setCrediting(false)}
          invoice={{
            id: inv.id,
            number: inv.number,
            untouched: inv.paid.amountMinor === '0' && inv.credited.amountMinor === '0',
            lines: inv.lines,
          }}
        />
      )}
      <ConfirmDialog
        open={voiding}
        title={t('invoices.voidTitle', { number: inv.number ?? '' })}
        confirmLabel={t('invoices.void')}
        confirmDisabled={!reason.trim()}
        autoFocusConfirm={false}
        pending={voidInvoice.isPending}
        error={voidErrors.general}
        onCancel={() => setVoiding(false)}
        onConfirm={() => voidInvoice.mutate({ invoiceId, reason: reason.trim() }, { onSuccess: () => setVoiding(false) })}
      >
        <p>{t('invoices.voidBody')}</p>
        <TextAreaField
          label={t('invoices.voidReason')}
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={voidErrors.field('reason')}
          autoFocus
        />
      </ConfirmDialog>
    </div>
  );
}

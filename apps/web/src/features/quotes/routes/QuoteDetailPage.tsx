import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { CopyButton } from '../../../components/CopyButton';
import { ErrorState } from '../../../components/ErrorState';
import { TextAreaField, TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { Icon } from '../../../components/Icon';
import { PageSpinner } from '../../../components/Spinner';
import { useFormErrors } from '../../../lib/error-message';
import { useFormatters } from '../../../lib/format';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { DocumentLinesTable } from '../../sales-documents/components/DocumentLinesTable';
import { DocumentNotes } from '../../sales-documents/components/DocumentNotes';
import { DocumentTotals } from '../../sales-documents/components/DocumentTotals';
import { useAcceptQuote } from '../api/accept-quote';
import { useDeclineQuote } from '../api/decline-quote';
import { useQuote } from '../api/get-quote';
import { useQuotePublicLink } from '../api/get-quote-public-link';
import { useSendQuote } from '../api/send-quote';
import { QuoteStatusBadge } from '../components/QuoteStatusBadge';

type Dialog = 'send' | 'accept' | 'decline' | null;

export function QuoteDetailPage({ businessId, quoteId, permissions }: { businessId: string; quoteId: string; permissions: Permissions }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormatters();
  const quote = useQuote(businessId, quoteId);
  const send = useSendQuote(businessId);
  const accept = useAcceptQuote(businessId);
  const decline = useDeclineQuote(businessId);
  const link = useQuotePublicLink(businessId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [to, setTo] = useState('');
  const [message, setMessage] = useState('');
  const [reason, setReason] = useState('');
  const sendErrors = useFormErrors(send.error, ['to', 'message']);
  useDocumentTitle(quote.data?.number ?? t('quotes.title'));

  if (quote.isPending) return <PageSpinner />;
  if (quote.isError) return <ErrorState error={quote.error} onRetry={() => void quote.refetch()} retrying={quote.isFetching} />;
  const q = quote.data;
  const date = (iso: string) => format.date(`${iso}T00:00:00`);
  const canWrite = allows(permissions, 'quotes.write');
  const open = q.status === 'draft' || q.status === 'sent';
  const lastSend = q.sends[0];

  const show = (d: Dialog) => {
    send.reset();
    accept.reset();
    decline.reset();
    setDialog(d);
  };

  return (
    <div className="subpage" data-testid="page-quote">
      <Link className="back-link" to="/b/$businessId/sales/quotes" params={{ businessId }}>
        ← {t('quotes.back')}
      </Link>
      <div className="subpage-head">
        <h2 className="subpage-title" data-testid="quote-number">
          {q.number} <QuoteStatusBadge status={q.status} />
        </h2>
        {canWrite && (
          <div className="page-actions">
            {open && (
              <Button onClick={() => show('accept')} data-testid="accept-quote">
                {t('quotes.accept')}
              </Button>
            )}
            {open && (
              <Button variant="secondary" onClick={() => show('send')} data-testid="send-quote">
                {q.status === 'sent' ? t('quotes.sendAgain') : t('quotes.send')}
              </Button>
            )}
            {(open || q.status === 'expired') && (
              <Link className="btn btn-secondary btn-md" to="/b/$businessId/sales/quotes/$quoteId/edit" params={{ businessId, quoteId }} data-testid="edit-quote">
                {q.status === 'draft' ? t('common.edit') : t('quotes.revise')}
              </Link>
            )}
            {(open || q.status === 'expired') && (
              <Button variant="ghost" className="text-danger" onClick={() => show('decline')} data-testid="decline-quote">
                {t('quotes.decline')}
              </Button>
            )}
          </div>
        )}
      </div>

      {q.status === 'accepted' && q.salesOrder && (
        <div className="alert alert-success" role="status" data-testid="quote-converted">
          <Icon name="check" />
          <span>{t('quotes.convertedNote', { number: q.salesOrder.number })}</span>
          <Link className="btn btn-secondary btn-sm" to="/b/$businessId/sales/orders/$orderId" params={{ businessId, orderId: q.salesOrder.id }} data-testid="view-order">
            {t('quotes.viewOrder')}
          </Link>
        </div>
      )}
      {q.status === 'expired' && (
        <p className="alert alert-warning" role="status" data-testid="quote-expired-note">
          {t('quotes.expiredNote', { date: date(q.validUntil) })}
        </p>
      )}
      {q.status === 'declined' && (
        <p className="alert alert-warning" role="status">
          {q.declineReason ? t('quotes.declinedNoteReason', { reason: q.declineReason }) : t('quotes.declinedNote')}
        </p>
      )}
      {send.data && dialog === null && (
        <p className="alert alert-success" role="status" data-testid="quote-sent">
          <Icon name="check" />
          <span>{t('quotes.sentNote', { to: send.data.to })}</span>
        </p>
      )}

      <Card>
        <dl className="facts">
          <div>
            <dt>{t('invoices.fields.customer')}</dt>
            <dd>
              <Link to="/b/$businessId/sales/customers/$contactId" params={{ businessId, contactId: q.contact.id }}>
                {q.contact.name}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t('quotes.fields.issueDate')}</dt>
            <dd>{date(q.issueDate)}</dd>
          </div>
          <div>
            <dt>{t('quotes.fields.validUntil')}</dt>
            <dd className={q.status === 'expired' ? 'text-danger' : undefined}>{date(q.validUntil)}</dd>
          </div>
          <div>
            <dt>{t('invoices.fields.currency')}</dt>
            <dd>{q.currency}</dd>
          </div>
          {lastSend && (
            <div>
              <dt>{t('quotes.lastSent')}</dt>
              <dd data-testid="quote-last-send">
                {lastSend.sentAt ? t('quotes.sentTo', { to: lastSend.to, when: format.dateTime(lastSend.sentAt) }) : t('quotes.queuedTo', { to: lastSend.to })}
              </dd>
            </div>
          )}
        </dl>
        {q.status !== 'draft' && (
          <div className="share-actions">
            <Button variant="secondary" size="sm" onClick={() => link.mutate(quoteId)} pending={link.isPending} data-testid="copy-quote-link">
              <Icon name="copy" size={16} />
              <span>{t('quotes.publicLink')}</span>
            </Button>
          </div>
        )}
        <FormError error={link.error} />
        {link.data && (
          <div className="share-link" data-testid="quote-public-link">
            <p className="muted small">{t('quotes.publicLinkBody')}</p>
            <div className="share-link-row">
              <input className="input input-sm mono" readOnly value={link.data.url} onFocus={(e) => e.target.select()} aria-label={t('quotes.publicLink')} data-testid="quote-public-link-url" />
              <CopyButton text={link.data.url} testId="copy-quote-link-again" />
            </div>
          </div>
        )}
      </Card>

      <Card title={t('invoices.lines.title')}>
        <DocumentLinesTable lines={q.lines} pricesIncludeTax={q.pricesIncludeTax} testId="quote-lines" />
        <div className="editor-bottom">
          <DocumentNotes notes={q.notes} terms={q.terms} />
          <DocumentTotals doc={q} />
        </div>
      </Card>

      <ConfirmDialog
        open={dialog === 'send'}
        title={t('quotes.sendTitle', { number: q.number })}
        confirmLabel={t('quotes.sendSubmit')}
        confirmVariant="primary"
        autoFocusConfirm={false}
        pending={send.isPending}
        error={sendErrors.general}
        onCancel={() => setDialog(null)}
        onConfirm={() =>
          send.mutate(
            { quoteId, body: { ...(to.trim() ? { to: to.trim() } : {}), ...(message.trim() ? { message: message.trim() } : {}) } },
            { onSuccess: () => { setDialog(null); void quote.refetch(); } },
          )
        }
      >
        <div className="dialog-form">
          <p>{t('quotes.sendBody')}</p>
          <TextField label={t('invoiceShare.sendTo')} name="to" type="email" value={to} onChange={(e) => setTo(e.target.value)} hint={t('invoiceShare.sendToHint')} error={sendErrors.field('to')} autoFocus />
          <TextAreaField label={t('invoiceShare.sendMessage')} name="message" value={message} onChange={(e) => setMessage(e.target.value)} error={sendErrors.field('message')} />
        </div>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'accept'}
        title={t('quotes.acceptTitle', { number: q.number })}
        confirmLabel={t('quotes.acceptSubmit')}
        confirmVariant="primary"
        pending={accept.isPending}
        error={accept.error}
        onCancel={() => setDialog(null)}
        onConfirm={() =>
          accept.mutate(quoteId, {
            onSuccess: (accepted) => {
              setDialog(null);
              if (accepted.salesOrder) {
                void navigate({ to: '/b/$businessId/sales/orders/$orderId', params: { businessId, orderId: accepted.salesOrder.id } });
              }
            },
          })
        }
      >
        {t('quotes.acceptBody')}
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'decline'}
        title={t('quotes.declineTitle', { number: q.number })}
        confirmLabel={t('quotes.decline')}
        autoFocusConfirm={false}
        pending={decline.isPending}
        error={decline.error}
        onCancel={() => setDialog(null)}
        onConfirm={() => decline.mutate({ quoteId, reason: reason.trim() }, { onSuccess: () => setDialog(null) })}
      >
        <TextAreaField label={t('quotes.declineReason')} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
      </ConfirmDialog>
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { CopyButton } from '../../../components/CopyButton';
import { PdfDownload } from '../../../components/PdfDownload';
import { TextAreaField, TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { Icon } from '../../../components/Icon';
import { useFormErrors } from '../../../lib/error-message';
import { usePublicLink } from '../api/get-public-link';
import { useSendInvoice } from '../api/send-invoice';

/** "Download PDF", "Copy public link" and "Send by email" for an issued invoice, with what each produced. */
export function InvoiceShare({ businessId, invoiceId, number, canSend }: { businessId: string; invoiceId: string; number: string; canSend: boolean }) {
  const { t } = useTranslation();
  const link = usePublicLink(businessId);
  const send = useSendInvoice(businessId);
  const [sending, setSending] = useState(false);
  const [to, setTo] = useState('');
  const [message, setMessage] = useState('');
  const sendErrors = useFormErrors(send.error, ['to', 'message']);

  const copyLink = () =>
    link.mutate(invoiceId, {
      onSuccess: ({ url }) => void navigator.clipboard?.writeText(url).catch(() => undefined),
    });

  return (
    <>
      <div className="share-actions">
        <PdfDownload
          href={`/api/businesses/${encodeURIComponent(businessId)}/invoices/${encodeURIComponent(invoiceId)}/pdf`}
          fileName={`${number}.pdf`}
          credentials="same-origin"
          variant="secondary"
          size="sm"
          testId="download-invoice-pdf"
        />
        <Button variant="secondary" size="sm" onClick={copyLink} pending={link.isPending} data-testid="copy-public-link">
          <Icon name="copy" size={16} />
          <span>{t('invoiceShare.copyLink')}</span>
        </Button>
        {canSend && (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              send.reset();
              setSending(true);
            }}
            data-testid="send-invoice"
          >
            {t('invoiceShare.send')}
          </Button>
        )}
      </div>
      <FormError error={link.error} />
      {link.data && (
        <div className="share-link" data-testid="public-link">
          <span className="field-label">{t('invoiceShare.linkTitle')}</span>
          <p className="muted small">{t('invoiceShare.linkBody')}</p>
          <div className="share-link-row">
            <input className="input input-sm mono" readOnly value={link.data.url} onFocus={(e) => e.target.select()} data-testid="public-link-url" aria-label={t('invoiceShare.linkTitle')} />
            <CopyButton text={link.data.url} testId="copy-public-link-again" />
          </div>
        </div>
      )}
      {send.data && !sending && (
        <p className="alert alert-success" role="status" data-testid="invoice-sent">
          <Icon name="check" />
          <span>{t('invoiceShare.sent', { to: send.data.to })}</span>
        </p>
      )}
      <ConfirmDialog
        open={sending}
        title={t('invoiceShare.sendTitle', { number })}
        confirmLabel={t('invoiceShare.sendSubmit')}
        confirmVariant="primary"
        autoFocusConfirm={false}
        pending={send.isPending}
        error={sendErrors.general}
        onCancel={() => setSending(false)}
        onConfirm={() =>
          send.mutate(
            { invoiceId, body: { ...(to.trim() ? { to: to.trim() } : {}), ...(message.trim() ? { message: message.trim() } : {}) } },
            { onSuccess: () => setSending(false) },
          )
        }
      >
        <div className="dialog-form">
          <TextField label={t('invoiceShare.sendTo')} name="to" type="email" value={to} onChange={(e) => setTo(e.target.value)} hint={t('invoiceShare.sendToHint')} error={sendErrors.field('to')} autoFocus />
          <TextAreaField label={t('invoiceShare.sendMessage')} name="message" value={message} onChange={(e) => setMessage(e.target.value)} error={sendErrors.field('message')} />
        </div>
      </ConfirmDialog>
    </>
  );
}

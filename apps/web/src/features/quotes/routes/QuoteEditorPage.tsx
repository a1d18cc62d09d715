import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { PageSpinner } from '../../../components/Spinner';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { addDays, todayIso } from '../../invoices/components/editor-lines';
import { DocumentCustomerFields } from '../../sales-documents/components/DocumentCustomerFields';
import { DocumentEditorFrame, type EditorContext } from '../../sales-documents/components/DocumentEditorFrame';
import { DocumentLinesCard } from '../../sales-documents/components/DocumentLinesCard';
import { useDocumentDraft } from '../../sales-documents/components/document-draft';
import { useCreateQuote } from '../api/create-quote';
import { useDeleteQuote } from '../api/delete-quote';
import { useQuote, type Quote } from '../api/get-quote';
import { useUpdateQuote } from '../api/update-quote';
import { QuoteStatusBadge } from '../components/QuoteStatusBadge';

/** How long a new quote stays open unless changed (the API's default too). */
const VALIDITY_DAYS = 30;

type Props = { businessId: string; baseCurrency: string };

export function NewQuotePage(props: Props) {
  return <DocumentEditorFrame businessId={props.businessId}>{(ctx) => <QuoteEditor {...props} ctx={ctx} />}</DocumentEditorFrame>;
}

export function EditQuotePage({ quoteId, ...props }: Props & { quoteId: string }) {
  const { t } = useTranslation();
  const quote = useQuote(props.businessId, quoteId);
  if (quote.isPending) return <PageSpinner />;
  if (quote.isError) return <ErrorState error={quote.error} onRetry={() => void quote.refetch()} retrying={quote.isFetching} />;
  if (quote.data.status === 'accepted' || quote.data.status === 'declined') {
    return (
      <EmptyState
        icon="sales"
        title={t('quotes.closedTitle')}
        action={
          <Link className="btn btn-secondary btn-md" to="/b/$businessId/sales/quotes/$quoteId" params={{ businessId: props.businessId, quoteId }}>
            {t('quotes.view')}
          </Link>
        }
      >
        {t('quotes.closedBody')}
      </EmptyState>
    );
  }
  return (
    <DocumentEditorFrame businessId={props.businessId} stored={quote.data}>
      {(ctx) => <QuoteEditor key={quote.data.id} {...props} ctx={ctx} quote={quote.data} />}
    </DocumentEditorFrame>
  );
}

function QuoteEditor({ businessId, baseCurrency, ctx, quote }: Props & { ctx: EditorContext; quote?: Quote }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(quote ? t('quotes.editTitle', { number: quote.number }) : t('quotes.new'));
  const create = useCreateQuote(businessId);
  const update = useUpdateQuote(businessId);
  const remove = useDeleteQuote(businessId);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const today = todayIso();
  const [dates, setDates] = useState({
    issueDate: quote?.issueDate ?? today,
    validUntil: quote?.validUntil ?? addDays(today, VALIDITY_DAYS),
  });
  const saveError = create.error ?? update.error;
  const draft = useDocumentDraft({
    init: {
      contact: quote?.contact ?? null,
      currency: quote?.currency ?? baseCurrency,
      notes: quote?.notes ?? '',
      terms: quote?.terms ?? '',
      lines: quote?.lines ?? [],
    },
    taxRates: ctx.taxRates,
    pricesIncludeTax: ctx.pricesIncludeTax,
    taxRounding: ctx.taxRounding,
    saveError,
    headFields: ['issueDate', 'validUntil'],
  });
  const revising = quote && quote.status !== 'draft';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const common = draft.body();
    if (!common) return;
    const body = { ...common, ...dates };
    try {
      const saved = quote ? await update.mutateAsync({ quoteId: quote.id, body }) : await create.mutateAsync(body);
      void navigate({ to: '/b/$businessId/sales/quotes/$quoteId', params: { businessId, quoteId: saved.id } });
    } catch {
      // Shown by the form.
    }
  };

  return (
    <form className="subpage invoice-editor" onSubmit={(e) => void submit(e)} noValidate data-testid="quote-editor">
      <Link className="back-link" to="/b/$businessId/sales/quotes" params={{ businessId }}>
        ← {t('quotes.back')}
      </Link>
      <div className="subpage-head">
        <h2 className="subpage-title">
          {quote ? t('quotes.editTitle', { number: quote.number }) : t('quotes.new')} {quote && <QuoteStatusBadge status={quote.status} />}
        </h2>
      </div>
      {revising && (
        <p className="alert alert-info" role="status" data-testid="quote-revising">
          {t('quotes.revisingNote')}
        </p>
      )}
      <Card>
        <div className="form">
          <DocumentCustomerFields businessId={businessId} baseCurrency={baseCurrency} draft={draft} />
          <div className="form-row">
            <TextField
              label={t('quotes.fields.issueDate')}
              name="issueDate"
              type="date"
              value={dates.issueDate}
              onChange={(e) => setDates({ issueDate: e.target.value, validUntil: addDays(e.target.value, VALIDITY_DAYS) })}
              error={draft.errors.field('issueDate')}
            />
            <TextField
              label={t('quotes.fields.validUntil')}
              name="validUntil"
              type="date"
              value={dates.validUntil}
              onChange={(e) => setDates({ ...dates, validUntil: e.target.value })}
              error={draft.errors.field('validUntil')}
              hint={t('quotes.validUntilHint')}
            />
          </div>
        </div>
      </Card>
      <DocumentLinesCard businessId={businessId} draft={draft} ctx={ctx} />
      <FormError error={draft.errors.general} extra={draft.errors.unplacedFieldMessages} />
      <div className="form-actions editor-actions">
        {quote && quote.status === 'draft' && !quote.sentAt && (
          <Button variant="ghost" className="text-danger" onClick={() => { remove.reset(); setConfirmDelete(true); }} data-testid="delete-quote">
            {t('quotes.delete')}
          </Button>
        )}
        <span className="spacer" />
        <Button type="submit" pending={create.isPending || update.isPending} pendingLabel={t('common.saving')} data-testid="save-quote">
          {revising ? t('quotes.saveRevision') : t('quotes.save')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirmDelete}
        title={t('quotes.deleteTitle', { number: quote?.number ?? '' })}
        confirmLabel={t('quotes.delete')}
        pending={remove.isPending}
        error={remove.error}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => quote && remove.mutate(quote.id, { onSuccess: () => void navigate({ to: '/b/$businessId/sales/quotes', params: { businessId } }) })}
      >
        {t('quotes.deleteBody')}
      </ConfirmDialog>
    </form>
  );
}

import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { FormError } from '../../../components/FormError';
import { Icon } from '../../../components/Icon';
import { TableSkeleton } from '../../../components/Skeleton';
import { PageSpinner } from '../../../components/Spinner';
import { useFormatters } from '../../../lib/format';
import { parseAmountMinor, useMoneyFormat } from '../../../lib/money';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { InvoiceStatusBadge } from '../../invoices/components/InvoiceStatusBadge';
import { useDeleteRecurringInvoice } from '../api/delete-recurring-invoice';
import { useRecurringInvoice, type RecurringInvoice } from '../api/get-recurring-invoice';
import { useRecurringRuns } from '../api/get-recurring-runs';
import { usePauseRecurringInvoice } from '../api/pause-recurring-invoice';
import { useResumeRecurringInvoice } from '../api/resume-recurring-invoice';
import { useRecurringLabels } from '../components/labels';
import { RecurringStatusBadge } from '../components/RecurringStatusBadge';

export function RecurringDetailPage({ businessId, templateId, permissions }: { businessId: string; templateId: string; permissions: Permissions }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormatters();
  const money = useMoneyFormat();
  const labels = useRecurringLabels();
  const template = useRecurringInvoice(businessId, templateId);
  const pause = usePauseRecurringInvoice(businessId);
  const resume = useResumeRecurringInvoice(businessId);
  const remove = useDeleteRecurringInvoice(businessId);
  const [confirmDelete, setConfirmDelete] = useState(false);
  useDocumentTitle(template.data ? `${t('recurring.title')} · ${template.data.contact.name}` : t('recurring.title'));

  if (template.isPending) return <PageSpinner />;
  if (template.isError) return <ErrorState error={template.error} onRetry={() => void template.refetch()} retrying={template.isFetching} />;
  const r = template.data;
  const canWrite = allows(permissions, 'invoices.write');
  const date = (iso: string) => format.date(`${iso}T00:00:00`);
  const actionError = pause.error ?? resume.error;
  const deletable = r.generatedCount === 0;

  return (
    <div className="subpage" data-testid="page-recurring">
      <Link className="back-link" to="/b/$businessId/sales/recurring" params={{ businessId }}>
        ← {t('recurring.back')}
      </Link>
      <div className="subpage-head">
        <h2 className="subpage-title" data-testid="recurring-title">
          {r.contact.name} <RecurringStatusBadge status={r.status} />
        </h2>
        {canWrite && (
          <div className="page-actions">
            {r.status === 'active' && (
              <Button variant="secondary" pending={pause.isPending} onClick={() => pause.mutate(r.id)} data-testid="pause-recurring">
                {t('recurring.pause')}
              </Button>
            )}
            {r.status === 'paused' && (
              <Button pending={resume.isPending} onClick={() => resume.mutate(r.id)} title={t('recurring.resumeHint')} data-testid="resume-recurring">
                {t('recurring.resume')}
              </Button>
            )}
            <Button
              variant="secondary"
              onClick={() => void navigate({ to: '/b/$businessId/sales/recurring/$templateId/edit', params: { businessId, templateId } })}
              data-testid="edit-recurring"
            >
              {t('common.edit')}
            </Button>
            <Button
              variant="ghost"
              className="text-danger"
              onClick={() => {
                remove.reset();
                pause.reset();
                setConfirmDelete(true);
              }}
              data-testid="delete-recurring"
            >
              {t('recurring.delete')}
            </Button>
          </div>
        )}
      </div>
      <FormError error={actionError} />
      {r.lastError && r.status === 'paused' && (
        <div className="alert alert-warning" role="status" data-testid="recurring-last-error">
          <Icon name="alert" />
          <span>
            {t('recurring.pausedBecause', { reason: r.lastError })} {t('recurring.pausedBecauseHint')}
          </span>
        </div>
      )}
      {r.draftCount > 0 && (
        <p className="alert alert-info" data-testid="recurring-drafts-waiting">
          <Icon name="mail" />
          <span>{t('recurring.draftsWaiting', { count: r.draftCount })}</span>
        </p>
      )}
      <Card>
        <dl className="facts">
          <div>
            <dt>{t('recurring.facts.customer')}</dt>
            <dd>
              <Link to="/b/$businessId/sales/customers/$contactId" params={{ businessId, contactId: r.contact.id }}>
                {r.contact.name}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t('recurring.facts.repeats')}</dt>
            <dd>{labels.frequency(r.frequency)}</dd>
          </div>
          <div>
            <dt>{t('recurring.facts.next')}</dt>
            <dd data-testid="recurring-next-date">{r.nextDate ? date(r.nextDate) : t('recurring.endedNote')}</dd>
          </div>
          <div>
            <dt>{t('recurring.facts.started')}</dt>
            <dd>{date(r.startDate)}</dd>
          </div>
          <div>
            <dt>{t('recurring.facts.ends')}</dt>
            <dd>{labels.ends(r, date)}</dd>
          </div>
          <div>
            <dt>{t('recurring.facts.due')}</dt>
            <dd>{labels.due(r.dueDays)}</dd>
          </div>
          <div>
            <dt>{t('recurring.facts.mode')}</dt>
            <dd>{labels.mode(r)}</dd>
          </div>
          <div>
            <dt>{t('recurring.facts.amount')}</dt>
            <dd className="num" data-testid="recurring-amount">
              {r.amount ? money.json(r.amount) : t('recurring.amountUnknown')}
            </dd>
          </div>
          <div>
            <dt>{t('recurring.facts.created')}</dt>
            <dd>{r.count !== null ? t('recurring.progress', { generated: r.generatedCount, count: r.count }) : r.generatedCount}</dd>
          </div>
        </dl>
      </Card>
      <TemplateLines template={r} />
      <GeneratedInvoices businessId={businessId} template={r} />
      <ConfirmDialog
        open={confirmDelete}
        title={deletable ? t('recurring.deleteTitle') : t('recurring.deleteBlockedTitle')}
        confirmLabel={deletable ? t('recurring.delete') : t('recurring.pauseInstead')}
        confirmVariant={deletable ? 'danger' : 'primary'}
        confirmDisabled={!deletable && r.status !== 'active'}
        pending={remove.isPending || pause.isPending}
        error={remove.error ?? pause.error}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() =>
          deletable
            ? remove.mutate(r.id, { onSuccess: () => void navigate({ to: '/b/$businessId/sales/recurring', params: { businessId } }) })
            : pause.mutate(r.id, { onSuccess: () => setConfirmDelete(false) })
        }
      >
        {deletable ? t('recurring.deleteBody', { customer: r.contact.name }) : t('recurring.deleteBlockedBody', { count: r.generatedCount })}
      </ConfirmDialog>
    </div>
  );
}

function TemplateLines({ template }: { template: RecurringInvoice }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const priced = (price: string | undefined) => {
    const minor = price === undefined ? null : parseAmountMinor(price, template.currency);
    return minor === null ? '—' : money.minor(minor, template.currency);
  };
  return (
    <Card title={t('recurring.linesTitle')} description={t('recurring.linesFixed')}>
      <div className="table-wrap">
        <table className="table" data-testid="recurring-lines">
          <thead>
            <tr>
              <th scope="col">{t('invoices.lines.description')}</th>
              <th scope="col" className="align-end">{t('invoices.lines.quantity')}</th>
              <th scope="col" className="align-end">{t('invoices.lines.unitPrice')}</th>
              <th scope="col" className="align-end">{t('invoices.lines.discount')}</th>
            </tr>
          </thead>
          <tbody>
            {template.lines.map((line, i) => (
              <tr key={i}>
                <td>{line.description}</td>
                <td data-label={t('invoices.lines.quantity')} className="align-end num">{line.quantity}</td>
                <td data-label={t('invoices.lines.unitPrice')} className="align-end num">{priced(line.unitPrice)}</td>
                <td data-label={t('invoices.lines.discount')} className="align-end num">
                  {!line.discountPercent || line.discountPercent === '0' ? '—' : `${line.discountPercent}%`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {template.notes && <p className="pre-wrap muted small">{template.notes}</p>}
    </Card>
  );
}

function GeneratedInvoices({ businessId, template }: { businessId: string; template: RecurringInvoice }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoneyFormat();
  const pages = useCursorPages();
  const runs = useRecurringRuns(businessId, template.id, pages.cursor);
  const date = (iso: string) => format.date(`${iso}T00:00:00`);

  let body;
  if (runs.isPending) {
    body = <TableSkeleton columns={5} rows={3} />;
  } else if (runs.isError) {
    body = <ErrorState error={runs.error} onRetry={() => void runs.refetch()} retrying={runs.isFetching} />;
  } else if (runs.data.items.length === 0) {
    body = (
      <EmptyState icon="clock" title={t('recurring.invoicesTitle')} testId="recurring-runs-empty">
        {template.nextDate ? t('recurring.invoicesEmpty', { date: date(template.nextDate) }) : t('recurring.invoicesEmptyEnded')}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className={`table-wrap${runs.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table" data-testid="recurring-runs">
            <thead>
              <tr>
                <th scope="col">{t('recurring.invoiceColumns.for')}</th>
                <th scope="col">{t('recurring.invoiceColumns.number')}</th>
                <th scope="col">{t('recurring.invoiceColumns.status')}</th>
                <th scope="col">{t('recurring.invoiceColumns.due')}</th>
                <th scope="col" className="align-end">{t('recurring.invoiceColumns.total')}</th>
                <th scope="col" className="align-end">{t('recurring.invoiceColumns.balance')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.items.map(({ occurrenceDate, invoice }) => (
                <tr key={invoice.id} data-testid={`recurring-run-${occurrenceDate}`}>
                  <td>{date(occurrenceDate)}</td>
                  <td data-label={t('recurring.invoiceColumns.number')}>
                    {invoice.status === 'draft' ? (
                      <Link to="/b/$businessId/sales/invoices/$invoiceId/edit" params={{ businessId, invoiceId: invoice.id }} data-testid="issue-draft">
                        {t('recurring.issueDraft')}
                      </Link>
                    ) : (
                      <Link to="/b/$businessId/sales/invoices/$invoiceId" params={{ businessId, invoiceId: invoice.id }}>
                        {invoice.number}
                      </Link>
                    )}
                  </td>
                  <td data-label={t('recurring.invoiceColumns.status')}>
                    <InvoiceStatusBadge status={invoice.status} overdue={invoice.overdue} />
                  </td>
                  <td data-label={t('recurring.invoiceColumns.due')}>{date(invoice.dueDate)}</td>
                  <td data-label={t('recurring.invoiceColumns.total')} className="align-end num">{money.json(invoice.total)}</td>
                  <td data-label={t('recurring.invoiceColumns.balance')} className="align-end num">
                    {invoice.status === 'draft' ? '—' : money.json(invoice.balance)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CursorPager pageIndex={pages.pageIndex} nextCursor={runs.data.nextCursor} onNext={pages.next} onPrevious={pages.previous} busy={runs.isFetching} />
      </>
    );
  }
  return (
    <Card title={t('recurring.invoicesTitle')} testId="recurring-runs-section">
      {body}
    </Card>
  );
}

import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorState } from '../../../components/ErrorState';
import { FormError } from '../../../components/FormError';
import { PageSpinner } from '../../../components/Spinner';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useRemoveReceipt, useUploadReceipt } from '../api/expense-receipt';
import { expenseReceiptUrl, useExpense } from '../api/get-expense';
import { useVoidExpense } from '../api/void-expense';
import { ReasonDialog } from '../components/ReasonDialog';
import { ReceiptPicker, ReceiptPreview } from '../components/ReceiptPicker';
import { StatusBadge } from '../components/StatusBadge';
import { receiptUploadFailures } from './NewExpensePage';

export function ExpenseDetailPage({ businessId, expenseId, permissions, baseCurrency }: { businessId: string; expenseId: string; permissions: Permissions; baseCurrency: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('expenses.title'));
  const format = useFormatters();
  const money = useMoneyFormat();
  const expense = useExpense(businessId, expenseId);
  const voidExpense = useVoidExpense(businessId);
  const upload = useUploadReceipt(businessId);
  const remove = useRemoveReceipt(businessId);
  const [voiding, setVoiding] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [earlierFailure] = useState(() => {
    const message = receiptUploadFailures.get(expenseId);
    receiptUploadFailures.delete(expenseId);
    return message ?? null;
  });

  if (expense.isPending) return <PageSpinner />;
  if (expense.isError) return <ErrorState error={expense.error} onRetry={() => void expense.refetch()} retrying={expense.isFetching} />;
  const e = expense.data;
  const date = (iso: string) => format.date(`${iso}T00:00:00`);
  const canWrite = allows(permissions, 'expenses.write') && e.status !== 'void';
  const canVoid = allows(permissions, 'expenses.void') && e.status !== 'void' && (e.paidFrom !== 'accounts_payable' || e.paid.amountMinor === '0');
  const receiptUrl = e.receipt ? expenseReceiptUrl(businessId, e.id, e.receipt.uploadedAt) : null;

  return (
    <div className="subpage" data-testid="page-expense">
      <Link className="back-link" to="/b/$businessId/purchases/expenses" params={{ businessId }}>
        ← {t('expenses.back')}
      </Link>
      <div className="subpage-head">
        <h2 className="subpage-title" data-testid="expense-title">
          {e.payee} · {money.json(e.total)} <StatusBadge kind="expenses" status={e.status} overdue={e.overdue} testId="expense-status" />
        </h2>
        <div className="page-actions">
          {e.paidFrom === 'accounts_payable' && e.balance.amountMinor !== '0' && e.contact && allows(permissions, 'bills.pay') && (
            <Link
              className="btn btn-primary btn-md"
              to="/b/$businessId/purchases/payments/new"
              params={{ businessId }}
              search={{ contactId: e.contact.id, documentId: e.id }}
              data-testid="pay-expense"
            >
              {t('bills.pay')}
            </Link>
          )}
          {canVoid && (
            <Button variant="secondary" className="text-danger" onClick={() => { voidExpense.reset(); setVoiding(true); }} data-testid="void-expense">
              {t('expenses.void')}
            </Button>
          )}
        </div>
      </div>
      {e.voidReason && <p className="alert alert-info">{t('expenses.voidedBecause', { reason: e.voidReason })}</p>}
      {earlierFailure && !e.receipt && <p className="alert alert-error">{t('expenses.receipt.failed', { message: earlierFailure })}</p>}
      <div className="expense-layout">
        <Card>
          <dl className="facts">
            <div>
              <dt>{t('expenses.fields.date')}</dt>
              <dd>{date(e.date)}</dd>
            </div>
            <div>
              <dt>{t('expenses.fields.category')}</dt>
              <dd>
                {e.account.code} · {e.account.name}
              </dd>
            </div>
            <div>
              <dt>{t('expenses.fields.paidFrom')}</dt>
              <dd>{t(`expenses.paidFrom.${e.paidFrom}` as 'expenses.paidFrom.bank')}</dd>
            </div>
            {e.contact && (
              <div>
                <dt>{t('expenses.fields.supplierRequired')}</dt>
                <dd>
                  <Link to="/b/$businessId/sales/customers/$contactId" params={{ businessId, contactId: e.contact.id }}>
                    {e.contact.name}
                  </Link>
                </dd>
              </div>
            )}
            {e.paidFrom === 'accounts_payable' && (
              <div>
                <dt>{t('expenses.fields.dueDate')}</dt>
                <dd className={e.overdue ? 'text-danger' : undefined}>{date(e.dueDate)}</dd>
              </div>
            )}
            {e.description && (
              <div>
                <dt>{t('expenses.fields.description')}</dt>
                <dd>{e.description}</dd>
              </div>
            )}
            {e.reference && (
              <div>
                <dt>{t('expenses.fields.reference')}</dt>
                <dd>{e.reference}</dd>
              </div>
            )}
            <div>
              <dt>{t('expenses.fields.currency')}</dt>
              <dd>
                {e.currency}
                {e.currency !== baseCurrency && <span className="muted small"> · {t('purchases.rateApplied', { rate: e.exchangeRate })}</span>}
              </dd>
            </div>
          </dl>
          <dl className="totals-mini" data-testid="expense-amounts">
            <div>
              <dt>{t('expenses.net')}</dt>
              <dd className="num">{money.json(e.net)}</dd>
            </div>
            <div>
              <dt>{e.taxRatePercent === '0' ? t('expenses.tax') : `${t('expenses.tax')} ${e.taxRatePercent}%`}</dt>
              <dd className="num">{money.json(e.tax)}</dd>
            </div>
            <div className="totals-grand">
              <dt>{t('expenses.total')}</dt>
              <dd className="num">{money.json(e.total)}</dd>
            </div>
            {e.paidFrom === 'accounts_payable' && e.status !== 'void' && (
              <div>
                <dt>{t('expenses.owed')}</dt>
                <dd className="num">{money.json(e.balance)}</dd>
              </div>
            )}
          </dl>
        </Card>
        <Card title={t('expenses.receipt.title')} testId="expense-receipt">
          <div className="form">
            {e.receipt && receiptUrl ? (
              <>
                <ReceiptPreview url={receiptUrl} contentType={e.receipt.contentType} fileName={e.receipt.fileName} alt={t('expenses.receipt.preview', { payee: e.payee })} />
                <div className="row-actions">
                  <a className="btn btn-secondary btn-sm" href={receiptUrl} download={e.receipt.fileName} data-testid="download-receipt">
                    {t('expenses.receipt.download')}
                  </a>
                  {canWrite && (
                    <Button variant="ghost" size="sm" className="text-danger" onClick={() => { remove.reset(); setRemoving(true); }}>
                      {t('expenses.receipt.remove')}
                    </Button>
                  )}
                </div>
              </>
            ) : (
              <p className="muted">{t('expenses.receipt.none')}</p>
            )}
            {canWrite && (
              <ReceiptPicker
                file={null}
                buttonLabel={e.receipt ? t('expenses.receipt.replace') : t('expenses.receipt.choose')}
                onChange={(file) => file && upload.mutate({ expenseId: e.id, file })}
              />
            )}
            {upload.isPending && <p className="muted small">{t('expenses.receipt.uploading')}</p>}
            <FormError error={upload.error} />
          </div>
        </Card>
      </div>
      {e.paidFrom === 'accounts_payable' && e.payments.length > 0 && (
        <Card title={t('expenses.paymentsTitle')}>
          <ul className="doc-list">
            {e.payments.map((p) => (
              <li key={p.paymentId} className={p.voided ? 'is-void' : undefined}>
                <Link to="/b/$businessId/purchases/payments/$billPaymentId" params={{ businessId, billPaymentId: p.paymentId }}>
                  {date(p.date)}
                </Link>
                {p.voided && <span className="muted">{t('bills.voidedPayment')}</span>}
                <span className="num">{money.json(p.amount)}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <ReasonDialog
        open={voiding}
        title={t('expenses.voidTitle')}
        body={t('expenses.voidBody')}
        confirmLabel={t('expenses.void')}
        pending={voidExpense.isPending}
        error={voidExpense.error}
        onCancel={() => setVoiding(false)}
        onConfirm={(reason) => voidExpense.mutate({ expenseId: e.id, reason }, { onSuccess: () => setVoiding(false) })}
      />
      <ConfirmDialog
        open={removing}
        title={t('expenses.receipt.removeTitle')}
        confirmLabel={t('expenses.receipt.remove')}
        pending={remove.isPending}
        error={remove.error}
        onCancel={() => setRemoving(false)}
        onConfirm={() => remove.mutate(e.id, { onSuccess: () => setRemoving(false) })}
      >
        {t('expenses.receipt.removeBody')}
      </ConfirmDialog>
    </div>
  );
}

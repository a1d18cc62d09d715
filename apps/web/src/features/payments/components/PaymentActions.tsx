import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useFormErrors } from '../../../lib/error-message';
import { moneyInputValue, parseAmountMinor, useMoneyFormat } from '../../../lib/money';
import { useInvoices } from '../../invoices/api/get-invoices';
import { useApplyCredit } from '../api/apply-credit';
import type { Payment } from '../api/get-payment';
import { DEPOSIT_ACCOUNTS, PAYMENT_METHODS, type DepositAccount, type PaymentMethod } from '../api/get-payments';
import { useRefundPayment } from '../api/refund-payment';

const decimal = (amountMinor: bigint, currency: string) => moneyInputValue({ amountMinor: String(amountMinor), currency });

/** Applies the payment's unapplied credit to one other open invoice of the same customer. */
export function ApplyCreditDialog({ businessId, payment, open, onClose }: { businessId: string; payment: Payment; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const apply = useApplyCredit(businessId);
  const invoices = useInvoices(businessId, { q: '', status: '', contactId: payment.contact.id });
  const candidates = (invoices.data?.items ?? []).filter(
    (inv) => (inv.status === 'issued' || inv.status === 'partially_paid') && inv.balance.currency === payment.currency && inv.balance.amountMinor !== '0',
  );
  const [invoiceId, setInvoiceId] = useState('');
  const chosen = candidates.find((inv) => inv.id === invoiceId) ?? candidates[0];
  const [amount, setAmount] = useState('');
  // `allocations` (more than the credit) is about the amount typed, so it shows there too.
  const errors = useFormErrors(apply.error, ['allocations', 'allocations.0.invoiceId', 'allocations.0.amount']);
  const unapplied = BigInt(payment.unapplied.amountMinor);
  const suggested = chosen ? decimal(BigInt(chosen.balance.amountMinor) < unapplied ? BigInt(chosen.balance.amountMinor) : unapplied, payment.currency) : '';

  return (
    <ConfirmDialog
      open={open}
      title={t('payments.applyTitle')}
      confirmLabel={t('payments.applySubmit')}
      confirmVariant="primary"
      autoFocusConfirm={false}
      confirmDisabled={!chosen}
      pending={apply.isPending}
      error={errors.general}
      errorDetails={errors.unplacedFieldMessages}
      onCancel={onClose}
      onConfirm={() =>
        chosen &&
        apply.mutate(
          { paymentId: payment.id, body: { allocations: [{ invoiceId: chosen.id, amount: amount.trim() || suggested }] } },
          { onSuccess: onClose },
        )
      }
    >
      <p>{t('payments.applyBody', { amount: money.json(payment.unapplied) })}</p>
      {invoices.data && candidates.length === 0 ? (
        <p className="muted" data-testid="apply-no-invoices">{t('payments.applyNoInvoices', { currency: payment.currency })}</p>
      ) : (
        <div className="dialog-form">
          <SelectField
            label={t('payments.applyInvoice')}
            name="invoiceId"
            value={chosen?.id ?? ''}
            onChange={(e) => {
              setInvoiceId(e.target.value);
              setAmount('');
            }}
            options={candidates.map((inv) => ({ value: inv.id, label: t('payments.invoiceOption', { number: inv.number ?? '', balance: money.json(inv.balance) }) }))}
            error={errors.field('allocations.0.invoiceId')}
          />
          <TextField
            label={t('payments.fields.amount', { currency: payment.currency })}
            name="amount"
            inputMode="decimal"
            placeholder={suggested}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            error={errors.field('allocations.0.amount') ?? errors.field('allocations')}
          />
        </div>
      )}
    </ConfirmDialog>
  );
}

/**
 * Pays money back. Beyond the unapplied credit, money must first be taken back from the
 * invoices this payment settled (the API's `unapply`); those invoices reopen.
 */
export function RefundDialog({ businessId, payment, open, onClose }: { businessId: string; payment: Payment; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const refund = useRefundPayment(businessId);
  const [amount, setAmount] = useState(() => moneyInputValue(payment.unapplied));
  const [reason, setReason] = useState('');
  const [method, setMethod] = useState<PaymentMethod>(payment.method);
  const [paidFrom, setPaidFrom] = useState<DepositAccount>(payment.depositAccount);
  const [unapply, setUnapply] = useState(payment.unapplied.amountMinor === '0');
  const errors = useFormErrors(refund.error, ['amount', 'reason', 'method', 'paidFrom', 'unapply']);

  const takeBack = () => {
    const wanted = parseAmountMinor(amount, payment.currency);
    if (wanted === null) return undefined;
    let missing = wanted - BigInt(payment.unapplied.amountMinor);
    if (missing <= 0n) return undefined;
    const applied = new Map<string, bigint>();
    for (const a of payment.allocations) applied.set(a.invoiceId, (applied.get(a.invoiceId) ?? 0n) + BigInt(a.amount.amountMinor));
    const out: { invoiceId: string; amount: string }[] = [];
    for (const [invoiceId, net] of applied) {
      if (missing <= 0n || net <= 0n) continue;
      const take = net < missing ? net : missing;
      out.push({ invoiceId, amount: decimal(take, payment.currency) });
      missing -= take;
    }
    return out;
  };

  return (
    <ConfirmDialog
      open={open}
      title={t('payments.refundTitle')}
      confirmLabel={t('payments.refund')}
      autoFocusConfirm={false}
      confirmDisabled={!amount.trim() || !reason.trim()}
      pending={refund.isPending}
      error={errors.general}
      errorDetails={errors.unplacedFieldMessages}
      onCancel={onClose}
      onConfirm={() =>
        refund.mutate(
          {
            paymentId: payment.id,
            body: { amount: amount.trim(), reason: reason.trim(), method, paidFrom, ...(unapply ? { unapply: takeBack() } : {}) },
          },
          { onSuccess: onClose },
        )
      }
    >
      <p>{t('payments.refundBody')}</p>
      <div className="dialog-form">
        <TextField
          label={t('payments.refundAmount', { currency: payment.currency })}
          name="amount"
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          hint={t('payments.refundAmountHint', { amount: money.json(payment.unapplied) })}
          error={errors.field('amount')}
          autoFocus
        />
        <TextAreaField label={t('payments.refundReason')} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} error={errors.field('reason')} />
        <SelectField
          label={t('payments.refundMethod')}
          name="method"
          value={method}
          onChange={(e) => setMethod(e.target.value as PaymentMethod)}
          options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`payments.method.${m}`) }))}
          error={errors.field('method')}
        />
        <SelectField
          label={t('payments.refundPaidFrom')}
          name="paidFrom"
          value={paidFrom}
          onChange={(e) => setPaidFrom(e.target.value as DepositAccount)}
          options={DEPOSIT_ACCOUNTS.map((a) => ({ value: a, label: t(`payments.deposit.${a}`) }))}
          error={errors.field('paidFrom')}
        />
        <CheckboxField
          label={t('payments.unapply')}
          name="unapply"
          checked={unapply}
          onChange={(e) => setUnapply(e.target.checked)}
          hint={t('payments.unapplyHint')}
          error={errors.field('unapply')}
        />
      </div>
    </ConfirmDialog>
  );
}

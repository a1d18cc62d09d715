import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { SelectField, TextField } from '../../../components/Field';
import { compareDecimal, isDecimal } from '../../../lib/decimal';
import { useFormErrors } from '../../../lib/error-message';
import { moneyInputValue, useMoneyFormat, type MoneyJson } from '../../../lib/money';
import { DEPOSIT_ACCOUNTS, PAYMENT_METHODS, type DepositAccount, type PaymentMethod } from '../api/get-payments';
import { useRecordPayment } from '../api/record-payment';

export type PayableInvoice = {
  id: string;
  number: string;
  contactId: string;
  currency: string;
  exchangeRate: string | null;
  balance: MoneyJson;
};

export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// A refusal of the invoice (issued after the payment's date) is about the date, so it shows there.
const FIELDS = ['amount', 'date', 'method', 'reference', 'depositAccount', 'exchangeRate', 'allocations.0.amount', 'allocations.0.invoiceId'] as const;

/** One payment settling (part of) one invoice; what exceeds the balance stays as customer credit. */
export function RecordPaymentDialog({
  businessId,
  baseCurrency,
  invoice,
  open,
  onClose,
}: {
  businessId: string;
  baseCurrency: string;
  invoice: PayableInvoice;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const record = useRecordPayment(businessId);
  const [amount, setAmount] = useState(() => moneyInputValue(invoice.balance));
  const [date, setDate] = useState(todayIso);
  const [method, setMethod] = useState<PaymentMethod>('bank_transfer');
  const [reference, setReference] = useState('');
  const [depositAccount, setDepositAccount] = useState<DepositAccount>('bank');
  const [exchangeRate, setExchangeRate] = useState(invoice.exchangeRate ?? '');
  const errors = useFormErrors(record.error, FIELDS);
  const foreign = invoice.currency !== baseCurrency;
  const balanceText = moneyInputValue(invoice.balance);

  const submit = () => {
    const paid = amount.trim();
    // Allocate no more than the balance; the API keeps the rest as credit.
    const allocate = !isDecimal(paid) || compareDecimal(paid, balanceText) > 0 ? balanceText : paid;
    record.mutate(
      {
        contactId: invoice.contactId,
        method,
        date,
        reference: reference.trim() || undefined,
        currency: invoice.currency,
        amount: paid,
        exchangeRate: foreign ? exchangeRate.trim() : undefined,
        depositAccount,
        allocations: [{ invoiceId: invoice.id, amount: allocate }],
      },
      { onSuccess: onClose },
    );
  };

  return (
    <ConfirmDialog
      open={open}
      title={t('payments.recordTitle', { number: invoice.number })}
      confirmLabel={t('payments.recordSubmit')}
      confirmVariant="primary"
      autoFocusConfirm={false}
      confirmDisabled={!amount.trim() || (foreign && !exchangeRate.trim())}
      pending={record.isPending}
      error={errors.general}
      errorDetails={errors.unplacedFieldMessages}
      onCancel={onClose}
      onConfirm={submit}
    >
      <div className="dialog-form" data-testid="record-payment-form">
        <TextField
          label={t('payments.fields.amount', { currency: invoice.currency })}
          name="amount"
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={errors.field('amount') ?? errors.field('allocations.0.amount')}
          hint={t('payments.amountHint', { balance: money.json(invoice.balance) })}
          autoFocus
        />
        <TextField label={t('payments.fields.date')} name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={errors.field('date') ?? errors.field('allocations.0.invoiceId')} />
        <SelectField
          label={t('payments.fields.method')}
          name="method"
          value={method}
          onChange={(e) => setMethod(e.target.value as PaymentMethod)}
          options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`payments.method.${m}`) }))}
          error={errors.field('method')}
        />
        <SelectField
          label={t('payments.fields.depositAccount')}
          name="depositAccount"
          value={depositAccount}
          onChange={(e) => setDepositAccount(e.target.value as DepositAccount)}
          options={DEPOSIT_ACCOUNTS.map((a) => ({ value: a, label: t(`payments.deposit.${a}`) }))}
          error={errors.field('depositAccount')}
        />
        <TextField
          label={t('payments.fields.reference')}
          name="reference"
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          hint={t('payments.fields.referenceHint')}
          error={errors.field('reference')}
        />
        {foreign && (
          <TextField
            label={t('payments.fields.exchangeRate', { from: invoice.currency, to: baseCurrency })}
            name="exchangeRate"
            inputMode="decimal"
            value={exchangeRate}
            onChange={(e) => setExchangeRate(e.target.value)}
            hint={t('payments.fields.exchangeRateHint', { from: invoice.currency, to: baseCurrency })}
            error={errors.field('exchangeRate')}
          />
        )}
      </div>
    </ConfirmDialog>
  );
}

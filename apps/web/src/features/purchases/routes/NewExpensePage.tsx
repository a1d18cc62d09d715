import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { computeTotals } from '@keeper/invoicing';
import { isCurrency } from '@keeper/money';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ErrorState } from '../../../components/ErrorState';
import { CheckboxField, SelectField, TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { PageSpinner } from '../../../components/Spinner';
import { useErrorMessage, useFormErrors } from '../../../lib/error-message';
import { parseAmountMinor, useMoneyFormat } from '../../../lib/money';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { currencyOptions } from '../../businesses/business-options';
import { CustomerPicker } from '../../invoices/components/CustomerPicker';
import { addDays, todayIso } from '../../invoices/components/editor-lines';
import { useTaxRates } from '../../taxes/api/get-tax-rates';
import { useCreateExpense, type ExpenseInput } from '../api/create-expense';
import { useUploadReceipt } from '../api/expense-receipt';
import { useSpendAccounts } from '../api/get-spend-accounts';
import { ExchangeRateField } from '../components/ExchangeRateField';
import { ReceiptPicker } from '../components/ReceiptPicker';

const FIELDS = ['date', 'accountId', 'contactId', 'payee', 'description', 'currency', 'exchangeRate', 'amount', 'amountIncludesTax', 'taxRateId', 'paidFrom', 'dueDate', 'reference'];
const PAID_FROM = ['bank', 'cash', 'accounts_payable'] as const;

/** A receipt that could not be attached after its expense was recorded: shown on the expense's page. */
export const receiptUploadFailures = new Map<string, string>();

export function NewExpensePage({ businessId, baseCurrency }: { businessId: string; baseCurrency: string }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('expenses.new'));
  const navigate = useNavigate();
  const money = useMoneyFormat();
  const errorMessage = useErrorMessage();
  const accounts = useSpendAccounts(businessId);
  const taxRates = useTaxRates(businessId);
  const create = useCreateExpense(businessId);
  const upload = useUploadReceipt(businessId);
  const [supplier, setSupplier] = useState<{ id: string; name: string; terms: number } | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [v, setV] = useState({
    date: todayIso(),
    accountId: '',
    payee: '',
    description: '',
    currency: baseCurrency,
    exchangeRate: '',
    amount: '',
    amountIncludesTax: true,
    taxRateId: '',
    paidFrom: 'bank' as (typeof PAID_FROM)[number],
    dueDate: '',
    reference: '',
  });
  const errors = useFormErrors(create.error, FIELDS);
  const owed = v.paidFrom === 'accounts_payable';
  const categories = (accounts.data?.items ?? []).filter((a) => a.type === 'expense');
  const currencies = useMemo(() => currencyOptions(i18n.language), [i18n.language]);
  const rate = v.taxRateId ? taxRates.data?.items.find((r) => r.id === v.taxRateId)?.rate : '0';
  const preview = useMemo(() => {
    const minor = parseAmountMinor(v.amount, v.currency);
    if (minor === null || minor <= 0n || rate === undefined || !isCurrency(v.currency)) return null;
    return computeTotals({
      currency: v.currency,
      pricesIncludeTax: v.amountIncludesTax,
      taxRounding: 'line',
      lines: [{ quantity: '1', unitPriceMinor: minor, taxRatePercent: rate }],
    });
  }, [v.amount, v.currency, v.amountIncludesTax, rate]);

  if (accounts.isPending || taxRates.isPending) return <PageSpinner />;
  const failed = [accounts, taxRates].find((q) => q.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: ExpenseInput = {
      date: v.date,
      accountId: v.accountId,
      ...(supplier ? { contactId: supplier.id } : {}),
      ...(v.payee.trim() ? { payee: v.payee.trim() } : {}),
      ...(v.description.trim() ? { description: v.description.trim() } : {}),
      currency: v.currency,
      ...(v.currency !== baseCurrency ? { exchangeRate: v.exchangeRate.trim() } : {}),
      amount: v.amount.trim(),
      amountIncludesTax: v.amountIncludesTax,
      taxRateId: v.taxRateId || null,
      paidFrom: v.paidFrom,
      ...(owed && v.dueDate ? { dueDate: v.dueDate } : {}),
      ...(v.reference.trim() ? { reference: v.reference.trim() } : {}),
    };
    create.mutate(body, {
      onSuccess: async (expense) => {
        if (file) {
          try {
            await upload.mutateAsync({ expenseId: expense.id, file });
          } catch (e) {
            receiptUploadFailures.set(expense.id, errorMessage(e));
          }
        }
        void navigate({ to: '/b/$businessId/purchases/expenses/$expenseId', params: { businessId, expenseId: expense.id } });
      },
    });
  };

  return (
    <form className="subpage" onSubmit={submit} noValidate data-testid="expense-form">
      <Link className="back-link" to="/b/$businessId/purchases/expenses" params={{ businessId }}>
        ← {t('expenses.back')}
      </Link>
      <h2 className="subpage-title">{t('expenses.new')}</h2>
      <div className="expense-layout">
        <Card>
          <div className="form">
            <div className="form-row">
              <TextField label={t('expenses.fields.date')} name="date" type="date" value={v.date} onChange={(e) => setV({ ...v, date: e.target.value })} error={errors.field('date')} />
              <SelectField
                label={t('expenses.fields.category')}
                name="accountId"
                value={v.accountId}
                options={[{ value: '', label: t('expenses.fields.chooseCategory') }, ...categories.map((a) => ({ value: a.id, label: `${a.code} · ${a.name}` }))]}
                onChange={(e) => setV({ ...v, accountId: e.target.value })}
                error={errors.field('accountId')}
              />
            </div>
            <div className="form-row">
              <SelectField
                label={t('expenses.fields.paidFrom')}
                name="paidFrom"
                value={v.paidFrom}
                options={PAID_FROM.map((p) => ({ value: p, label: t(`expenses.paidFrom.${p}`) }))}
                onChange={(e) => setV({ ...v, paidFrom: e.target.value as (typeof PAID_FROM)[number] })}
                error={errors.field('paidFrom')}
              />
              <CustomerPicker
                party="supplier"
                businessId={businessId}
                label={owed ? t('expenses.fields.supplierRequired') : t('expenses.fields.supplier')}
                selectedName={supplier?.name ?? ''}
                error={errors.field('contactId')}
                onSelect={(c) => {
                  setSupplier({ id: c.id, name: c.name, terms: c.paymentTermsDays });
                  setV((x) => ({ ...x, currency: x.amount ? x.currency : c.currency, dueDate: addDays(x.date, c.paymentTermsDays) }));
                }}
              />
            </div>
            <div className="form-row">
              <TextField
                label={t('expenses.fields.payee')}
                name="payee"
                value={v.payee}
                placeholder={supplier?.name}
                onChange={(e) => setV({ ...v, payee: e.target.value })}
                error={errors.field('payee')}
                hint={t('expenses.fields.payeeHint')}
              />
              <TextField label={t('expenses.fields.reference')} name="reference" value={v.reference} onChange={(e) => setV({ ...v, reference: e.target.value })} error={errors.field('reference')} />
            </div>
            <TextField label={t('expenses.fields.description')} name="description" value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} error={errors.field('description')} />
            <div className="form-row">
              <TextField
                label={t('expenses.fields.amount', { currency: v.currency })}
                name="amount"
                inputMode="decimal"
                value={v.amount}
                onChange={(e) => setV({ ...v, amount: e.target.value })}
                error={errors.field('amount')}
              />
              <SelectField label={t('expenses.fields.currency')} name="currency" value={v.currency} options={currencies} onChange={(e) => setV({ ...v, currency: e.target.value })} error={errors.field('currency')} />
              <SelectField
                label={t('expenses.fields.taxRate')}
                name="taxRateId"
                value={v.taxRateId}
                options={[{ value: '', label: t('expenses.fields.noTax') }, ...(taxRates.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))]}
                onChange={(e) => setV({ ...v, taxRateId: e.target.value })}
                error={errors.field('taxRateId')}
              />
            </div>
            <CheckboxField
              label={t('expenses.fields.amountIncludesTax')}
              name="amountIncludesTax"
              checked={v.amountIncludesTax}
              onChange={(e) => setV({ ...v, amountIncludesTax: e.target.checked })}
              error={errors.field('amountIncludesTax')}
            />
            {v.currency !== baseCurrency && (
              <ExchangeRateField currency={v.currency} baseCurrency={baseCurrency} value={v.exchangeRate} onChange={(x) => setV({ ...v, exchangeRate: x })} error={errors.field('exchangeRate')} />
            )}
            {owed && (
              <TextField
                label={t('expenses.fields.dueDate')}
                name="dueDate"
                type="date"
                value={v.dueDate || addDays(v.date, supplier?.terms ?? 0)}
                onChange={(e) => setV({ ...v, dueDate: e.target.value })}
                error={errors.field('dueDate')}
              />
            )}
          </div>
        </Card>
        <Card>
          <div className="form">
            <ReceiptPicker file={file} onChange={setFile} label={t('expenses.fields.receipt')} />
            {preview && (
              <dl className="totals-mini" data-testid="expense-preview">
                <div>
                  <dt>{t('expenses.net')}</dt>
                  <dd className="num">{money.minor(preview.subtotalMinor, v.currency)}</dd>
                </div>
                <div>
                  <dt>{t('expenses.tax')}</dt>
                  <dd className="num">{money.minor(preview.taxMinor, v.currency)}</dd>
                </div>
                <div className="totals-grand">
                  <dt>{t('expenses.total')}</dt>
                  <dd className="num">{money.minor(preview.totalMinor, v.currency)}</dd>
                </div>
              </dl>
            )}
          </div>
        </Card>
      </div>
      <FormError error={errors.general} extra={errors.unplacedFieldMessages} />
      <div className="form-actions">
        <span className="spacer" />
        <Button type="submit" pending={create.isPending || upload.isPending} pendingLabel={upload.isPending ? t('expenses.receipt.uploading') : undefined} data-testid="save-expense">
          {t('expenses.save')}
        </Button>
      </div>
    </form>
  );
}

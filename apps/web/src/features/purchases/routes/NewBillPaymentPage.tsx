import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ErrorState } from '../../../components/ErrorState';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { PageSpinner } from '../../../components/Spinner';
import { ApiError } from '../../../lib/api';
import { useFormErrors } from '../../../lib/error-message';
import { useFormatters } from '../../../lib/format';
import { moneyInputValue, parseAmountMinor, useMoneyFormat } from '../../../lib/money';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useContact } from '../../contacts/api/get-contact';
import { CustomerPicker } from '../../invoices/components/CustomerPicker';
import { todayIso } from '../../invoices/components/editor-lines';
import { useCreateBillPayment } from '../api/create-bill-payment';
import { usePayables, type Payable } from '../api/get-payables';
import { ExchangeRateField } from '../components/ExchangeRateField';

const METHODS = ['bank_transfer', 'cash', 'card', 'cheque', 'other'] as const;
const HEAD_FIELDS = ['contactId', 'method', 'date', 'reference', 'currency', 'exchangeRate', 'paidFrom', 'notes', 'allocations'];

type Supplier = { id: string; name: string; currency: string };

export function NewBillPaymentPage({
  businessId,
  baseCurrency,
  contactId,
  documentId,
}: {
  businessId: string;
  baseCurrency: string;
  contactId?: string;
  documentId?: string;
}) {
  const contact = useContact(businessId, contactId ?? '');
  if (contactId && contact.isPending) return <PageSpinner />;
  if (contactId && contact.isError) return <ErrorState error={contact.error} onRetry={() => void contact.refetch()} />;
  const c = contactId ? contact.data : undefined;
  return (
    <PaymentForm
      businessId={businessId}
      baseCurrency={baseCurrency}
      initialSupplier={c ? { id: c.id, name: c.name, currency: c.currency } : null}
      documentId={documentId}
    />
  );
}

function PaymentForm({
  businessId,
  baseCurrency,
  initialSupplier,
  documentId,
}: {
  businessId: string;
  baseCurrency: string;
  initialSupplier: Supplier | null;
  documentId?: string;
}) {
  const { t } = useTranslation();
  useDocumentTitle(t('billPayments.new'));
  const navigate = useNavigate();
  const money = useMoneyFormat();
  const format = useFormatters();
  const create = useCreateBillPayment(businessId);
  const [supplier, setSupplier] = useState<Supplier | null>(initialSupplier);
  const [currency, setCurrency] = useState(initialSupplier?.currency ?? baseCurrency);
  const [head, setHead] = useState({ date: todayIso(), method: 'bank_transfer', paidFrom: 'bank', reference: '', notes: '', exchangeRate: '' });
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  const [nothing, setNothing] = useState(false);
  const payables = usePayables(businessId, supplier?.id ?? '', currency);
  const items = useMemo(() => payables.data?.items ?? [], [payables.data]);
  const key = (p: Payable) => `${p.kind}:${p.id}`;

  // What the page was opened for starts ticked, at what is still owed.
  useEffect(() => {
    if (!documentId) return;
    const doc = items.find((p) => p.id === documentId);
    if (doc && !picked.has(key(doc))) {
      setPicked(new Set([key(doc)]));
      setAmounts({ [key(doc)]: moneyInputValue(doc.balance) });
    }
    // Only when the list arrives: ticking and unticking afterwards is the person's choice.
  }, [items, documentId]);

  const errors = useFormErrors(create.error, [...HEAD_FIELDS, ...sentKeys.flatMap((_, i) => [`allocations.${i}.amount`, `allocations.${i}.billId`, `allocations.${i}.expenseId`])]);
  const itemError = (k: string) => {
    const i = sentKeys.indexOf(k);
    return i < 0 ? undefined : (errors.field(`allocations.${i}.amount`) ?? errors.field(`allocations.${i}.billId`) ?? errors.field(`allocations.${i}.expenseId`));
  };
  const chosen = items.filter((p) => picked.has(key(p)));
  const totalMinor = chosen.reduce((s, p) => s + (parseAmountMinor(amounts[key(p)] ?? '', currency) ?? 0n), 0n);
  const needsRate = currency !== baseCurrency;

  const toggle = (p: Payable, on: boolean) => {
    const next = new Set(picked);
    if (on) {
      next.add(key(p));
      if (!amounts[key(p)]) setAmounts({ ...amounts, [key(p)]: moneyInputValue(p.balance) });
    } else next.delete(key(p));
    setNothing(false);
    setPicked(next);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!supplier) return;
    if (chosen.length === 0) {
      setNothing(true);
      return;
    }
    setSentKeys(chosen.map(key));
    create.mutate(
      {
        contactId: supplier.id,
        method: head.method as (typeof METHODS)[number],
        date: head.date,
        currency,
        paidFrom: head.paidFrom as 'bank' | 'cash',
        ...(head.reference.trim() ? { reference: head.reference.trim() } : {}),
        ...(head.notes.trim() ? { notes: head.notes.trim() } : {}),
        ...(needsRate ? { exchangeRate: head.exchangeRate.trim() } : {}),
        allocations: chosen.map((p) => ({ [p.kind === 'bill' ? 'billId' : 'expenseId']: p.id, amount: (amounts[key(p)] ?? '').trim() })),
      },
      { onSuccess: (payment) => void navigate({ to: '/b/$businessId/purchases/payments/$billPaymentId', params: { businessId, billPaymentId: payment.id } }) },
    );
  };

  return (
    <form className="subpage" onSubmit={submit} noValidate data-testid="bill-payment-form">
      <Link className="back-link" to="/b/$businessId/purchases/payments" params={{ businessId }}>
        ← {t('billPayments.back')}
      </Link>
      <h2 className="subpage-title">{t('billPayments.new')}</h2>
      <Card>
        <div className="form">
          <div className="form-row">
            <CustomerPicker
              party="supplier"
              businessId={businessId}
              selectedName={supplier?.name ?? ''}
              autoFocus={!supplier}
              error={errors.field('contactId')}
              onSelect={(c) => {
                setSupplier({ id: c.id, name: c.name, currency: c.currency });
                setCurrency(c.currency);
                setPicked(new Set());
                setAmounts({});
              }}
            />
            <TextField label={t('billPayments.fields.date')} name="date" type="date" value={head.date} onChange={(e) => setHead({ ...head, date: e.target.value })} error={errors.field('date')} />
          </div>
          <div className="form-row">
            <SelectField
              label={t('billPayments.fields.method')}
              name="method"
              value={head.method}
              options={METHODS.map((m) => ({ value: m, label: t(`payments.method.${m}`) }))}
              onChange={(e) => setHead({ ...head, method: e.target.value })}
              error={errors.field('method')}
            />
            <SelectField
              label={t('billPayments.fields.paidFrom')}
              name="paidFrom"
              value={head.paidFrom}
              options={(['bank', 'cash'] as const).map((p) => ({ value: p, label: t(`billPayments.paidFrom.${p}`) }))}
              onChange={(e) => setHead({ ...head, paidFrom: e.target.value })}
              error={errors.field('paidFrom')}
            />
            <TextField
              label={t('billPayments.fields.reference')}
              name="reference"
              value={head.reference}
              onChange={(e) => setHead({ ...head, reference: e.target.value })}
              error={errors.field('reference')}
              hint={t('payments.fields.referenceHint')}
            />
          </div>
          {needsRate && (
            <ExchangeRateField currency={currency} baseCurrency={baseCurrency} value={head.exchangeRate} onChange={(v) => setHead({ ...head, exchangeRate: v })} error={errors.field('exchangeRate')} />
          )}
        </div>
      </Card>
      <Card title={t('billPayments.openItems')} description={supplier ? t('billPayments.openItemsHint') : undefined} testId="payables">
        {!supplier ? (
          <p className="muted">{t('billPayments.chooseSupplierFirst')}</p>
        ) : payables.isPending ? (
          <PageSpinner />
        ) : payables.isError ? (
          <ErrorState error={payables.error} onRetry={() => void payables.refetch()} />
        ) : items.length === 0 ? (
          <p className="muted" data-testid="no-payables">
            {t('billPayments.noOpenItems', { currency })}
          </p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="payables-table">
              <thead>
                <tr>
                  <th scope="col">{t('billPayments.item.document')}</th>
                  <th scope="col">{t('billPayments.item.due')}</th>
                  <th scope="col" className="align-end">{t('billPayments.item.owed')}</th>
                  <th scope="col" className="align-end">{t('billPayments.item.pay')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p, row) => {
                  const k = key(p);
                  const label = p.kind === 'bill' ? p.label : t('billPayments.item.expense', { payee: p.label });
                  return (
                    <tr key={k} data-testid={`payable-${row}`}>
                      <td>
                        <label className="check">
                          <input type="checkbox" checked={picked.has(k)} onChange={(e) => toggle(p, e.target.checked)} data-testid={`payable-${row}-pick`} />
                          <span>
                            {label}
                            {p.supplierReference && <span className="muted small"> · {p.supplierReference}</span>}
                          </span>
                        </label>
                      </td>
                      <td data-label={t('billPayments.item.due')}>{format.date(`${p.dueDate}T00:00:00`)}</td>
                      <td data-label={t('billPayments.item.owed')} className="align-end num">{money.json(p.balance)}</td>
                      <td data-label={t('billPayments.item.pay')} className="align-end">
                        <input
                          className="input input-sm num pay-amount"
                          inputMode="decimal"
                          aria-label={t('billPayments.item.payOf', { label })}
                          aria-invalid={itemError(k) ? true : undefined}
                          disabled={!picked.has(k)}
                          value={picked.has(k) ? (amounts[k] ?? '') : ''}
                          onChange={(e) => setAmounts({ ...amounts, [k]: e.target.value })}
                          data-testid={`payable-${row}-amount`}
                        />
                        {itemError(k) && <p className="field-error">{itemError(k)}</p>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr className="report-grand-row">
                  <td colSpan={3}>{t('billPayments.total')}</td>
                  <td className="align-end num" data-testid="payment-total">
                    {money.minor(totalMinor, currency)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </Card>
      <Card>
        <div className="form">
          <TextAreaField label={t('billPayments.fields.notes')} name="notes" value={head.notes} onChange={(e) => setHead({ ...head, notes: e.target.value })} error={errors.field('notes')} />
        </div>
      </Card>
      <FormError
        error={errors.general ?? (nothing ? new ApiError(400, 'NOTHING_CHOSEN', t('billPayments.nothingChosen')) : null)}
        extra={errors.unplacedFieldMessages}
      />
      <div className="form-actions">
        <span className="spacer" />
        <Button type="submit" pending={create.isPending} disabled={!supplier} data-testid="submit-bill-payment">
          {t('billPayments.submit')}
        </Button>
      </div>
    </form>
  );
}


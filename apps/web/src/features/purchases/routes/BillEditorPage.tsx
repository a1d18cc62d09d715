import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { SelectField, TextField } from '../../../components/Field';
import { PageSpinner } from '../../../components/Spinner';
import { moneyInputValue } from '../../../lib/money';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useBusiness } from '../../businesses/api/get-business';
import { CustomerPicker } from '../../invoices/components/CustomerPicker';
import { addDays, isBlankLine, newLineKey, todayIso, type EditorLine } from '../../invoices/components/editor-lines';
import { useTaxRates, type TaxRate } from '../../taxes/api/get-tax-rates';
import { useDeleteBill } from '../api/delete-bill';
import { useBill, type Bill } from '../api/get-bill';
import { useSpendAccounts, type SpendAccount } from '../api/get-spend-accounts';
import { usePostBill } from '../api/post-bill';
import { useSaveBill, type BillDraftInput } from '../api/save-bill';
import { DraftActions, DraftErrors, PurchaseLinesCard } from '../components/DraftEditorParts';
import { usePurchaseLines } from '../components/purchase-lines';

type Props = { businessId: string; permissions: Permissions; baseCurrency: string };
const HEAD_FIELDS = ['contactId', 'supplierReference', 'currency', 'billDate', 'dueDate', 'notes'];

export function NewBillPage(props: Props) {
  return <EditorFrame {...props} />;
}

export function EditBillPage({ billId, ...props }: Props & { billId: string }) {
  const { t } = useTranslation();
  const bill = useBill(props.businessId, billId);
  if (bill.isPending) return <PageSpinner />;
  if (bill.isError) return <ErrorState error={bill.error} onRetry={() => void bill.refetch()} retrying={bill.isFetching} />;
  if (bill.data.status !== 'draft') {
    return (
      <EmptyState
        icon="purchases"
        title={t('bills.notDraftTitle')}
        action={
          <Link className="btn btn-secondary btn-md" to="/b/$businessId/purchases/bills/$billId" params={{ businessId: props.businessId, billId }}>
            {t('bills.viewBill')}
          </Link>
        }
      >
        {t('bills.notDraftBody')}
      </EmptyState>
    );
  }
  return <EditorFrame {...props} bill={bill.data} />;
}

function EditorFrame(props: Props & { bill?: Bill }) {
  const business = useBusiness(props.businessId);
  const taxRates = useTaxRates(props.businessId, 'any');
  const accounts = useSpendAccounts(props.businessId);
  const failed = [business, taxRates, accounts].find((q) => q.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!business.data || !taxRates.data || !accounts.data) return <PageSpinner />;
  return (
    <BillEditor
      key={props.bill?.id ?? 'new'}
      {...props}
      taxRounding={business.data.taxRounding}
      taxRates={taxRates.data.items}
      accounts={accounts.data.items}
    />
  );
}

function linesOf(bill: Bill, fromOrder: (number: string) => string): EditorLine[] {
  return bill.lines.map((l) => ({
    key: newLineKey(),
    productId: l.productId,
    description: l.description,
    quantity: l.quantity,
    unitPrice: moneyInputValue(l.unitPrice),
    discountPercent: '',
    taxRateId: l.taxRateId ?? '',
    purchaseOrderLineId: l.purchaseOrderLineId,
    // A line billing a stocked order line is booked against the goods received; it has no account.
    stocked: !!l.purchaseOrderLineId && !l.account,
    accountId: l.account?.id ?? '',
    note: l.purchaseOrder?.number ? fromOrder(l.purchaseOrder.number) : undefined,
  }));
}

function BillEditor({
  businessId,
  permissions,
  baseCurrency,
  bill,
  taxRounding,
  taxRates,
  accounts,
}: Props & { bill?: Bill; taxRounding: 'line' | 'document'; taxRates: TaxRate[]; accounts: SpendAccount[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(bill ? t('bills.editTitle') : t('bills.new'));
  const save = useSaveBill(businessId);
  const post = usePostBill(businessId);
  const remove = useDeleteBill(businessId);
  const [supplier, setSupplier] = useState<{ id: string; name: string } | null>(bill ? bill.contact : null);
  const [termsDays, setTermsDays] = useState(0);
  const [missingSupplier, setMissingSupplier] = useState(false);
  const today = todayIso();
  const [head, setHead] = useState({
    supplierReference: bill?.supplierReference ?? '',
    currency: bill?.currency ?? baseCurrency,
    billDate: bill?.billDate ?? today,
    dueDate: bill?.dueDate ?? today,
    notes: bill?.notes ?? '',
  });
  const grid = usePurchaseLines({
    initial: bill ? linesOf(bill, (number) => t('purchases.lines.fromOrder', { number })) : [],
    currency: head.currency,
    taxRounding,
    taxRates,
    error: save.error,
    headFields: HEAD_FIELDS,
    priceField: 'unitPrice',
  });
  const errors = grid.errors;
  const needsRate = head.currency !== baseCurrency;
  const fromOrder = grid.lines.some((l) => !!l.purchaseOrderLineId);

  const body = (): BillDraftInput | null => {
    if (!supplier) {
      setMissingSupplier(true);
      return null;
    }
    return {
      contactId: supplier.id,
      supplierReference: head.supplierReference.trim(),
      currency: head.currency,
      billDate: head.billDate,
      dueDate: head.dueDate,
      notes: head.notes,
      lines: grid.take().map((l) => ({
        ...(l.purchaseOrderLineId ? { purchaseOrderLineId: l.purchaseOrderLineId } : l.productId ? { productId: l.productId } : {}),
        description: l.description.trim(),
        quantity: l.quantity.trim(),
        ...(l.unitPrice.trim() ? { unitPrice: l.unitPrice.trim() } : {}),
        taxRateId: l.taxRateId || null,
        ...(!l.stocked && l.accountId ? { accountId: l.accountId } : {}),
      })),
    };
  };

  const saveDraft = async (): Promise<Bill | null> => {
    const draft = body();
    if (!draft) return null;
    try {
      return await save.mutateAsync({ billId: bill?.id, body: draft });
    } catch {
      return null;
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await saveDraft();
    if (saved && !bill) void navigate({ to: '/b/$businessId/purchases/bills/$billId/edit', params: { businessId, billId: saved.id }, replace: true });
  };

  const postNow = async (exchangeRate: string | undefined) => {
    const saved = await saveDraft();
    if (!saved) return false;
    post.mutate(
      { billId: saved.id, ...(exchangeRate ? { exchangeRate } : {}) },
      { onSuccess: () => void navigate({ to: '/b/$businessId/purchases/bills/$billId', params: { businessId, billId: saved.id } }) },
    );
    return true;
  };

  return (
    <form className="subpage invoice-editor" onSubmit={(e) => void submit(e)} noValidate data-testid="bill-editor">
      <Link className="back-link" to="/b/$businessId/purchases/bills" params={{ businessId }}>
        ← {t('bills.back')}
      </Link>
      <div className="subpage-head">
        <h2 className="subpage-title">
          {bill ? t('bills.editTitle') : t('bills.new')} <span className="badge">{t('bills.status.draft')}</span>
        </h2>
      </div>
      <Card>
        <div className="form">
          <div className="form-row">
            <CustomerPicker
              party="supplier"
              businessId={businessId}
              selectedName={supplier?.name ?? ''}
              autoFocus={!supplier}
              error={errors.field('contactId') ?? (missingSupplier && !supplier ? t('purchases.chooseSupplier') : undefined)}
              onSelect={(c) => {
                setSupplier({ id: c.id, name: c.name });
                setTermsDays(c.paymentTermsDays);
                setHead((h) => ({
                  ...h,
                  currency: grid.lines.every(isBlankLine) ? c.currency : h.currency,
                  dueDate: addDays(h.billDate, c.paymentTermsDays),
                }));
              }}
            />
            <TextField
              label={t('bills.fields.supplierReference')}
              name="supplierReference"
              value={head.supplierReference}
              onChange={(e) => setHead({ ...head, supplierReference: e.target.value })}
              error={errors.field('supplierReference')}
              hint={t('bills.fields.supplierReferenceHint')}
              autoFocus={!!supplier}
            />
          </div>
          <div className="form-row">
            <SelectField
              label={t('bills.fields.currency')}
              name="currency"
              value={head.currency}
              options={grid.currencies}
              onChange={(e) => setHead({ ...head, currency: e.target.value })}
              error={errors.field('currency')}
              disabled={fromOrder}
              hint={needsRate ? t('purchases.foreignCurrencyHint', { base: baseCurrency }) : undefined}
            />
            <TextField
              label={t('bills.fields.billDate')}
              name="billDate"
              type="date"
              value={head.billDate}
              onChange={(e) => setHead({ ...head, billDate: e.target.value, dueDate: addDays(e.target.value, termsDays) })}
              error={errors.field('billDate')}
            />
            <TextField
              label={t('bills.fields.dueDate')}
              name="dueDate"
              type="date"
              value={head.dueDate}
              onChange={(e) => setHead({ ...head, dueDate: e.target.value })}
              error={errors.field('dueDate')}
            />
          </div>
        </div>
      </Card>
      <PurchaseLinesCard
        title={t('purchaseOrders.linesTitle')}
        description={t('bills.linesHint')}
        businessId={businessId}
        currency={head.currency}
        grid={grid}
        taxRates={taxRates}
        accounts={accounts}
        notes={{ label: t('bills.fields.notes'), value: head.notes, onChange: (notes) => setHead({ ...head, notes }) }}
      />
      <DraftErrors grid={grid} />
      <DraftActions
        kind="bills"
        saved={!!bill}
        canSubmit={allows(permissions, 'bills.write')}
        submit={{ label: t('bills.post'), title: t('bills.postTitle'), body: t('bills.postBody'), testId: 'post-bill' }}
        submitting={post}
        saving={save.isPending}
        saveError={save.error}
        removing={remove}
        currency={head.currency}
        baseCurrency={baseCurrency}
        onSubmit={postNow}
        onDelete={() => bill && remove.mutate(bill.id, { onSuccess: () => void navigate({ to: '/b/$businessId/purchases/bills', params: { businessId } }) })}
      />
    </form>
  );
}

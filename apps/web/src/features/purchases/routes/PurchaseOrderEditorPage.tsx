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
import { isBlankLine, newLineKey, todayIso, type EditorLine } from '../../invoices/components/editor-lines';
import { useTaxRates, type TaxRate } from '../../taxes/api/get-tax-rates';
import { useDeletePurchaseOrder } from '../api/delete-purchase-order';
import { useReceivingLocations, type Location } from '../api/get-locations';
import { usePurchaseOrder, type PurchaseOrder } from '../api/get-purchase-order';
import { useSpendAccounts, type SpendAccount } from '../api/get-spend-accounts';
import { useOrderPurchaseOrder } from '../api/order-purchase-order';
import { useSavePurchaseOrder, type PurchaseOrderDraftInput } from '../api/save-purchase-order';
import { DraftActions, DraftErrors, PurchaseLinesCard } from '../components/DraftEditorParts';
import { usePurchaseLines } from '../components/purchase-lines';

type Props = { businessId: string; permissions: Permissions; baseCurrency: string };
const HEAD_FIELDS = ['contactId', 'currency', 'orderDate', 'expectedDate', 'locationId', 'notes'];

export function NewPurchaseOrderPage(props: Props) {
  return <EditorFrame {...props} />;
}

export function EditPurchaseOrderPage({ purchaseOrderId, ...props }: Props & { purchaseOrderId: string }) {
  const { t } = useTranslation();
  const order = usePurchaseOrder(props.businessId, purchaseOrderId);
  if (order.isPending) return <PageSpinner />;
  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} retrying={order.isFetching} />;
  if (order.data.status !== 'draft') {
    return (
      <EmptyState
        icon="purchases"
        title={t('purchaseOrders.notDraftTitle')}
        action={
          <Link className="btn btn-secondary btn-md" to="/b/$businessId/purchases/orders/$purchaseOrderId" params={{ businessId: props.businessId, purchaseOrderId }}>
            {t('purchaseOrders.viewOrder')}
          </Link>
        }
      >
        {t('purchaseOrders.notDraftBody')}
      </EmptyState>
    );
  }
  return <EditorFrame {...props} order={order.data} />;
}

function EditorFrame(props: Props & { order?: PurchaseOrder }) {
  const business = useBusiness(props.businessId);
  const taxRates = useTaxRates(props.businessId, 'any');
  const accounts = useSpendAccounts(props.businessId);
  const locations = useReceivingLocations(props.businessId);
  const failed = [business, taxRates, accounts, locations].find((q) => q.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!business.data || !taxRates.data || !accounts.data || !locations.data) return <PageSpinner />;
  return (
    <PurchaseOrderEditor
      key={props.order?.id ?? 'new'}
      {...props}
      taxRounding={business.data.taxRounding}
      taxRates={taxRates.data.items}
      accounts={accounts.data.items}
      locations={locations.data.items}
    />
  );
}

function linesOf(order: PurchaseOrder): EditorLine[] {
  return order.lines.map((l) => ({
    key: newLineKey(),
    productId: l.productId,
    description: l.description,
    quantity: l.quantity,
    unitPrice: moneyInputValue(l.unitCost),
    discountPercent: '',
    taxRateId: l.taxRateId ?? '',
    stocked: l.stocked,
    accountId: l.account?.id ?? '',
  }));
}

function PurchaseOrderEditor({
  businessId,
  permissions,
  baseCurrency,
  order,
  taxRounding,
  taxRates,
  accounts,
  locations,
}: Props & {
  order?: PurchaseOrder;
  taxRounding: 'line' | 'document';
  taxRates: TaxRate[];
  accounts: SpendAccount[];
  locations: Location[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(order ? t('purchaseOrders.editTitle') : t('purchaseOrders.new'));
  const save = useSavePurchaseOrder(businessId);
  const place = useOrderPurchaseOrder(businessId);
  const remove = useDeletePurchaseOrder(businessId);
  const [supplier, setSupplier] = useState<{ id: string; name: string } | null>(order ? order.contact : null);
  const [missingSupplier, setMissingSupplier] = useState(false);
  const [head, setHead] = useState({
    currency: order?.currency ?? baseCurrency,
    orderDate: order?.orderDate ?? todayIso(),
    expectedDate: order?.expectedDate ?? '',
    locationId: order?.location.id ?? locations.find((l) => l.isDefault)?.id ?? locations[0]?.id ?? '',
    notes: order?.notes ?? '',
  });
  const grid = usePurchaseLines({
    initial: order ? linesOf(order) : [],
    currency: head.currency,
    taxRounding,
    taxRates,
    error: save.error,
    headFields: HEAD_FIELDS,
    priceField: 'unitCost',
  });
  const errors = grid.errors;
  const needsRate = head.currency !== baseCurrency;

  const body = (): PurchaseOrderDraftInput | null => {
    if (!supplier) {
      setMissingSupplier(true);
      return null;
    }
    return {
      contactId: supplier.id,
      currency: head.currency,
      orderDate: head.orderDate,
      expectedDate: head.expectedDate || null,
      locationId: head.locationId,
      notes: head.notes,
      lines: grid.take().map((l) => ({
        ...(l.productId ? { productId: l.productId } : {}),
        description: l.description.trim(),
        quantity: l.quantity.trim(),
        ...(l.unitPrice.trim() ? { unitCost: l.unitPrice.trim() } : {}),
        taxRateId: l.taxRateId || null,
        ...(!l.stocked && l.accountId ? { accountId: l.accountId } : {}),
      })),
    };
  };

  const saveDraft = async (): Promise<PurchaseOrder | null> => {
    const draft = body();
    if (!draft) return null;
    try {
      return await save.mutateAsync({ purchaseOrderId: order?.id, body: draft });
    } catch {
      return null;
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await saveDraft();
    if (saved && !order) {
      void navigate({ to: '/b/$businessId/purchases/orders/$purchaseOrderId/edit', params: { businessId, purchaseOrderId: saved.id }, replace: true });
    }
  };

  const placeNow = async (exchangeRate: string | undefined) => {
    const saved = await saveDraft();
    if (!saved) return false;
    place.mutate(
      { purchaseOrderId: saved.id, ...(exchangeRate ? { exchangeRate } : {}) },
      { onSuccess: () => void navigate({ to: '/b/$businessId/purchases/orders/$purchaseOrderId', params: { businessId, purchaseOrderId: saved.id } }) },
    );
    return true;
  };

  return (
    <form className="subpage invoice-editor" onSubmit={(e) => void submit(e)} noValidate data-testid="purchase-order-editor">
      <Link className="back-link" to="/b/$businessId/purchases/orders" params={{ businessId }}>
        ← {t('purchaseOrders.back')}
      </Link>
      <div className="subpage-head">
        <h2 className="subpage-title">
          {order ? t('purchaseOrders.editTitle') : t('purchaseOrders.new')} <span className="badge">{t('purchaseOrders.status.draft')}</span>
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
                setHead((h) => ({ ...h, currency: grid.lines.every(isBlankLine) ? c.currency : h.currency }));
              }}
            />
            <SelectField
              label={t('purchaseOrders.fields.currency')}
              name="currency"
              value={head.currency}
              options={grid.currencies}
              onChange={(e) => setHead({ ...head, currency: e.target.value })}
              error={errors.field('currency')}
              hint={needsRate ? t('purchases.foreignCurrencyHint', { base: baseCurrency }) : undefined}
            />
          </div>
          <div className="form-row">
            <TextField
              label={t('purchaseOrders.fields.orderDate')}
              name="orderDate"
              type="date"
              value={head.orderDate}
              onChange={(e) => setHead({ ...head, orderDate: e.target.value })}
              error={errors.field('orderDate')}
            />
            <TextField
              label={t('purchaseOrders.fields.expectedDate')}
              name="expectedDate"
              type="date"
              value={head.expectedDate}
              onChange={(e) => setHead({ ...head, expectedDate: e.target.value })}
              error={errors.field('expectedDate')}
            />
            <SelectField
              label={t('purchaseOrders.fields.location')}
              name="locationId"
              value={head.locationId}
              options={locations.map((l) => ({ value: l.id, label: `${l.name} (${l.code})` }))}
              onChange={(e) => setHead({ ...head, locationId: e.target.value })}
              error={errors.field('locationId')}
            />
          </div>
        </div>
      </Card>
      <PurchaseLinesCard
        title={t('purchaseOrders.linesTitle')}
        description={t('purchaseOrders.pricesExclusive')}
        businessId={businessId}
        currency={head.currency}
        grid={grid}
        taxRates={taxRates}
        accounts={accounts}
        notes={{ label: t('purchaseOrders.fields.notes'), value: head.notes, onChange: (notes) => setHead({ ...head, notes }) }}
      />
      <DraftErrors grid={grid} />
      <DraftActions
        kind="purchaseOrders"
        saved={!!order}
        canSubmit={allows(permissions, 'purchases.write')}
        submit={{ label: t('purchaseOrders.place'), title: t('purchaseOrders.placeTitle'), body: t('purchaseOrders.placeBody'), testId: 'place-order' }}
        submitting={place}
        saving={save.isPending}
        saveError={save.error}
        removing={remove}
        currency={head.currency}
        baseCurrency={baseCurrency}
        onSubmit={placeNow}
        onDelete={() => order && remove.mutate(order.id, { onSuccess: () => void navigate({ to: '/b/$businessId/purchases/orders', params: { businessId } }) })}
      />
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { SelectField, TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { PageSpinner } from '../../../components/Spinner';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { todayIso } from '../../invoices/components/editor-lines';
import { DocumentCustomerFields } from '../../sales-documents/components/DocumentCustomerFields';
import { DocumentEditorFrame, type EditorContext } from '../../sales-documents/components/DocumentEditorFrame';
import { DocumentLinesCard } from '../../sales-documents/components/DocumentLinesCard';
import { useDocumentDraft } from '../../sales-documents/components/document-draft';
import { useCreateSalesOrder } from '../api/create-sales-order';
import { useDeleteSalesOrder } from '../api/delete-sales-order';
import { useFulfilmentLocations } from '../api/get-locations';
import { useSalesOrder, type SalesOrder } from '../api/get-sales-order';
import { useUpdateSalesOrder } from '../api/update-sales-order';

type Props = { businessId: string; baseCurrency: string };

export function NewSalesOrderPage(props: Props) {
  return <DocumentEditorFrame businessId={props.businessId}>{(ctx) => <SalesOrderEditor {...props} ctx={ctx} />}</DocumentEditorFrame>;
}

export function EditSalesOrderPage({ orderId, ...props }: Props & { orderId: string }) {
  const { t } = useTranslation();
  const order = useSalesOrder(props.businessId, orderId);
  if (order.isPending) return <PageSpinner />;
  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} retrying={order.isFetching} />;
  if (order.data.status !== 'draft') {
    return (
      <EmptyState
        icon="sales"
        title={t('salesOrders.notDraftTitle')}
        action={
          <Link className="btn btn-secondary btn-md" to="/b/$businessId/sales/orders/$orderId" params={{ businessId: props.businessId, orderId }}>
            {t('salesOrders.view')}
          </Link>
        }
      >
        {t('salesOrders.notDraftBody')}
      </EmptyState>
    );
  }
  return (
    <DocumentEditorFrame businessId={props.businessId} stored={order.data}>
      {(ctx) => <SalesOrderEditor key={order.data.id} {...props} ctx={ctx} order={order.data} />}
    </DocumentEditorFrame>
  );
}

function SalesOrderEditor({ businessId, baseCurrency, ctx, order }: Props & { ctx: EditorContext; order?: SalesOrder }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(order ? t('salesOrders.editTitle', { number: order.number }) : t('salesOrders.new'));
  const create = useCreateSalesOrder(businessId);
  const update = useUpdateSalesOrder(businessId);
  const remove = useDeleteSalesOrder(businessId);
  const locations = useFulfilmentLocations(businessId);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [head, setHead] = useState({
    orderDate: order?.orderDate ?? todayIso(),
    expectedDate: order?.expectedDate ?? '',
    locationId: order?.location.id ?? '',
  });
  const draft = useDocumentDraft({
    init: {
      contact: order?.contact ?? null,
      currency: order?.currency ?? baseCurrency,
      notes: order?.notes ?? '',
      terms: order?.terms ?? '',
      lines: order?.lines ?? [],
    },
    taxRates: ctx.taxRates,
    pricesIncludeTax: ctx.pricesIncludeTax,
    taxRounding: ctx.taxRounding,
    saveError: create.error ?? update.error,
    headFields: ['orderDate', 'expectedDate', 'locationId'],
  });
  const locationOptions = (locations.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.code} · ${l.name}` }));
  const locationId = head.locationId || locations.data?.items.find((l) => l.isDefault)?.id || '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const common = draft.body();
    if (!common) return;
    const body = {
      ...common,
      orderDate: head.orderDate,
      ...(head.expectedDate ? { expectedDate: head.expectedDate } : {}),
      ...(locationId ? { locationId } : {}),
    };
    try {
      const saved = order ? await update.mutateAsync({ orderId: order.id, body }) : await create.mutateAsync(body);
      void navigate({ to: '/b/$businessId/sales/orders/$orderId', params: { businessId, orderId: saved.id } });
    } catch {
      // Shown by the form.
    }
  };

  return (
    <form className="subpage invoice-editor" onSubmit={(e) => void submit(e)} noValidate data-testid="order-editor">
      <Link className="back-link" to="/b/$businessId/sales/orders" params={{ businessId }}>
        ← {t('salesOrders.back')}
      </Link>
      <div className="subpage-head">
        <h2 className="subpage-title">
          {order ? t('salesOrders.editTitle', { number: order.number }) : t('salesOrders.new')}{' '}
          <span className="badge">{t('salesOrders.status.draft')}</span>
        </h2>
      </div>
      <Card>
        <div className="form">
          <DocumentCustomerFields businessId={businessId} baseCurrency={baseCurrency} draft={draft} />
          <div className="form-row">
            <TextField
              label={t('salesOrders.fields.orderDate')}
              name="orderDate"
              type="date"
              value={head.orderDate}
              onChange={(e) => setHead({ ...head, orderDate: e.target.value })}
              error={draft.errors.field('orderDate')}
            />
            <TextField
              label={t('salesOrders.fields.expectedDate')}
              name="expectedDate"
              type="date"
              value={head.expectedDate}
              onChange={(e) => setHead({ ...head, expectedDate: e.target.value })}
              error={draft.errors.field('expectedDate')}
              hint={t('salesOrders.fields.expectedDateHint')}
            />
          </div>
          <SelectField
            label={t('salesOrders.fields.location')}
            name="locationId"
            value={locationId}
            options={locationOptions}
            onChange={(e) => setHead({ ...head, locationId: e.target.value })}
            error={draft.errors.field('locationId')}
            hint={t('salesOrders.fields.locationHint')}
            disabled={locations.isPending}
          />
        </div>
      </Card>
      <DocumentLinesCard businessId={businessId} draft={draft} ctx={ctx} />
      <FormError error={draft.errors.general} extra={draft.errors.unplacedFieldMessages} />
      <div className="form-actions editor-actions">
        {order && !order.quote && (
          <Button variant="ghost" className="text-danger" onClick={() => { remove.reset(); setConfirmDelete(true); }} data-testid="delete-order">
            {t('salesOrders.delete')}
          </Button>
        )}
        <span className="spacer" />
        <Button type="submit" pending={create.isPending || update.isPending} pendingLabel={t('common.saving')} data-testid="save-order">
          {t('salesOrders.save')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirmDelete}
        title={t('salesOrders.deleteTitle', { number: order?.number ?? '' })}
        confirmLabel={t('salesOrders.delete')}
        pending={remove.isPending}
        error={remove.error}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => order && remove.mutate(order.id, { onSuccess: () => void navigate({ to: '/b/$businessId/sales/orders', params: { businessId } }) })}
      >
        {t('salesOrders.deleteBody')}
      </ConfirmDialog>
    </form>
  );
}

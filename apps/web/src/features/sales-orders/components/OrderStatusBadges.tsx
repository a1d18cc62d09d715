import { useTranslation } from 'react-i18next';

type OrderState = { status: string; fulfilment: string; invoicing: string; backOrdered: boolean; completed: boolean };

/**
 * What an order needs next, in badges: its state (draft, open, completed, cancelled), then for an
 * open order whether it waits for stock, how much has shipped and how much is billed.
 */
export function OrderStatusBadges({ order }: { order: OrderState }) {
  const { t } = useTranslation();
  const open = order.status === 'confirmed' && !order.completed;
  const state = order.completed ? 'completed' : order.status === 'confirmed' ? 'open' : order.status;
  return (
    <span className="badge-group" data-testid="order-status" data-status={state}>
      <span className={`badge badge-order-${state}`}>{t(`salesOrders.status.${state as 'draft'}`)}</span>
      {open && order.backOrdered && (
        <span className="badge badge-order-back_ordered" data-testid="order-back-ordered">
          {t('salesOrders.badges.backOrdered')}
        </span>
      )}
      {open && order.fulfilment !== 'nothing_to_ship' && (
        <span className={`badge badge-order-${order.fulfilment}`}>{t(`salesOrders.fulfilment.${order.fulfilment as 'shipped'}`)}</span>
      )}
      {open && order.invoicing !== 'not_invoiced' && (
        <span className={`badge badge-order-${order.invoicing}`}>{t(`salesOrders.invoicing.${order.invoicing as 'invoiced'}`)}</span>
      )}
    </span>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/Icon';
import { Spinner } from '../../../components/Spinner';
import { useFormatters } from '../../../lib/format';
import { useNotifications, type AppNotification } from '../api/get-notifications';
import { useUnreadCount } from '../api/get-unread-count';
import { useMarkAllNotificationsRead } from '../api/mark-all-read';
import { useMarkNotificationRead } from '../api/mark-notification-read';

/**
 * The bell in the app header: the unread count (polled, as alerts come from background jobs) and
 * the latest notifications. Opening one marks it read and goes to what it is about.
 */
export function NotificationBell({ businessId, align = 'end' }: { businessId: string; align?: 'start' | 'end' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormatters();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const unread = useUnreadCount(businessId);
  const list = useNotifications(businessId, open);
  const markRead = useMarkNotificationRead(businessId);
  const markAll = useMarkAllNotificationsRead(businessId);
  const count = unread.data?.count ?? 0;

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  // Notifications carry data, not sentences: each kind is worded here in the reader's language.
  const describe = (n: AppNotification) => {
    const p = n.params;
    const low = { productName: p.productName, locationName: p.locationName, unit: p.unit, available: p.available, reorderPoint: p.reorderPoint, reorderQuantity: p.reorderQuantity };
    return { title: t('notifications.kinds.low_stock.title', low), body: t('notifications.kinds.low_stock.body', low) };
  };

  const openNotification = (n: AppNotification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    if (n.kind === 'low_stock') void navigate({ to: '/b/$businessId/inventory/reorder', params: { businessId } });
  };

  return (
    <div className="bell" ref={root}>
      <button
        type="button"
        className="icon-button bell-button"
        aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
        aria-haspopup="true"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="notification-bell"
      >
        <Icon name="bell" size={20} />
        {count > 0 && (
          <span className="bell-count" data-testid="notification-count">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      {open && (
        <div className={`bell-panel bell-panel-${align}`} role="dialog" aria-label={t('notifications.title')} data-testid="notification-panel">
          <div className="bell-head">
            <h2 className="bell-title">{t('notifications.title')}</h2>
            {count > 0 && (
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => markAll.mutate()} disabled={markAll.isPending} data-testid="notifications-read-all">
                {t('notifications.markAll')}
              </button>
            )}
          </div>
          {list.isPending ? (
            <div className="bell-empty">
              <Spinner size="sm" />
            </div>
          ) : list.isError ? (
            <p className="bell-empty text-danger">{t('errors.loadFailed')}</p>
          ) : list.data.items.length === 0 ? (
            <p className="bell-empty muted" data-testid="notifications-empty">
              {t('notifications.empty')}
            </p>
          ) : (
            <ul className="bell-list">
              {list.data.items.map((n) => (
                <li key={n.id}>
                  <button type="button" className={`bell-item${n.readAt ? '' : ' is-unread'}`} onClick={() => openNotification(n)} data-testid="notification-item">
                    <span className="bell-item-title">{describe(n).title}</span>
                    <span className="bell-item-body">{describe(n).body}</span>
                    <span className="bell-item-time">{format.dateTime(n.createdAt)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

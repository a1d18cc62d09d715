import { Injectable } from '@nestjs/common';
import { notFound } from '../../common/errors';
import { decodeCursor, pageOf } from '../../common/pagination';
import { Db, TenantTx } from '../../db/db';
import { roleAllows } from '../access/permissions';
import type { BusinessAccess } from '../access/principal';
import type { MarkedReadDto, NotificationDto, NotificationListQueryDto, NotificationPageDto } from './dto/notifications.dto';
import { NOTIFICATION_KINDS, NOTIFICATION_PERMISSION, type NotificationKind } from './notification-kinds';
import { NotificationRow, NotificationsRepository } from './notifications.repository';

export interface RaiseNotification {
  kind: NotificationKind;
  /** Names the occurrence; raising the same key again does nothing. */
  dedupeKey: string;
  params: Record<string, string>;
  target?: { type: string; id: string } | null;
}

/**
 * In-app notifications: raised once per business inside the transaction of what caused them,
 * shown to every member whose role may see their kind, read or unread per member.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: Db,
    private readonly repo: NotificationsRepository,
  ) {}

  /** Returns the new notification's id, or null when this occurrence was raised before. */
  raise(t: TenantTx, n: RaiseNotification): Promise<string | null> {
    return this.repo.insert(t, {
      kind: n.kind,
      params: n.params,
      dedupeKey: n.dedupeKey,
      targetType: n.target?.type ?? null,
      targetId: n.target?.id ?? null,
    });
  }

  list(a: BusinessAccess, q: NotificationListQueryDto): Promise<NotificationPageDto> {
    const limit = q.limit ?? 25;
    const kinds = kindsFor(a);
    return this.db.tenant(a.businessId, async (t) => {
      const rows = await this.repo.list(t, { userId: a.userId, kinds, unreadOnly: q.unread === 'true', after: decodeCursor(q.cursor), limit });
      const page = pageOf(rows, limit);
      return { items: page.items.map(present), nextCursor: page.nextCursor, unreadCount: await this.repo.unreadCount(t, a.userId, kinds) };
    });
  }

  unreadCount(a: BusinessAccess): Promise<{ count: number }> {
    return this.db.tenant(a.businessId, async (t) => ({ count: await this.repo.unreadCount(t, a.userId, kindsFor(a)) }));
  }

  markRead(a: BusinessAccess, id: string): Promise<NotificationDto> {
    const kinds = kindsFor(a);
    return this.db.tenant(a.businessId, async (t) => {
      await this.repo.markRead(t, a.userId, kinds, id);
      const [row] = await this.repo.list(t, { userId: a.userId, kinds, unreadOnly: false, after: null, limit: 1, id });
      if (!row) throw notFound('Notification');
      return present(row);
    });
  }

  markAllRead(a: BusinessAccess): Promise<MarkedReadDto> {
    return this.db.tenant(a.businessId, async (t) => ({ marked: await this.repo.markRead(t, a.userId, kindsFor(a)) }));
  }
}

function kindsFor(a: BusinessAccess): string[] {
  return NOTIFICATION_KINDS.filter((k) => roleAllows(a.role, NOTIFICATION_PERMISSION[k]));
}

function present(r: Omit<NotificationRow, 'cursorAt'>): NotificationDto {
  return {
    id: r.id,
    kind: r.kind,
    params: r.params,
    target: r.targetType && r.targetId ? { type: r.targetType, id: r.targetId } : null,
    createdAt: new Date(r.createdAt).toISOString(),
    readAt: r.readAt ? new Date(r.readAt).toISOString() : null,
  };
}

import { Injectable } from '@nestjs/common';
import type { TenantTx } from '../../db/db';
import type { KeysetCursor } from '../../common/pagination';
import type { NotificationKind } from './notification-kinds';

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  params: Record<string, string>;
  targetType: string | null;
  targetId: string | null;
  createdAt: Date;
  readAt: Date | null;
  cursorAt: string;
}

@Injectable()
export class NotificationsRepository {
  /** Inserts unless the occurrence was raised before; returns the new id, or null for a repeat. */
  async insert(
    t: TenantTx,
    n: { kind: NotificationKind; params: Record<string, string>; dedupeKey: string; targetType: string | null; targetId: string | null },
  ): Promise<string | null> {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO notifications (business_id, kind, params, dedupe_key, target_type, target_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (business_id, dedupe_key) DO NOTHING RETURNING id`,
      [t.businessId, n.kind, n.params, n.dedupeKey, n.targetType, n.targetId],
    );
    return row?.id ?? null;
  }

  async list(
    t: TenantTx,
    f: { userId: string; kinds: string[]; unreadOnly: boolean; after: KeysetCursor | null; limit: number; id?: string },
  ): Promise<NotificationRow[]> {
    const params: unknown[] = [t.businessId, f.userId, f.kinds];
    const where = [`n.business_id = $1`, `n.kind = ANY($3::text[])`];
    if (f.id) where.push(`n.id = $${params.push(f.id)}`);
    if (f.unreadOnly) where.push(`r.id IS NULL`);
    if (f.after) where.push(`(n.created_at, n.id) < ($${params.push(f.after.at)}::timestamptz, $${params.push(f.after.id)}::uuid)`);
    return t.query<NotificationRow>(
      `SELECT n.id, n.kind, n.params, n.target_type AS "targetType", n.target_id AS "targetId", n.created_at AS "createdAt",
              r.read_at AS "readAt", n.created_at::text AS "cursorAt"
         FROM notifications n
         LEFT JOIN notification_reads r ON r.business_id = n.business_id AND r.notification_id = n.id AND r.user_id = $2
        WHERE ${where.join(' AND ')}
        ORDER BY n.created_at DESC, n.id DESC LIMIT $${params.push(f.limit + 1)}`,
      params,
    );
  }

  async unreadCount(t: TenantTx, userId: string, kinds: string[]): Promise<number> {
    const [row] = await t.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications n
        WHERE n.business_id = $1 AND n.kind = ANY($3::text[])
          AND NOT EXISTS (SELECT 1 FROM notification_reads r
                           WHERE r.business_id = n.business_id AND r.notification_id = n.id AND r.user_id = $2)`,
      [t.businessId, userId, kinds],
    );
    return row.n;
  }

  /** Marks as read for one user: the given notification, or every one of the given kinds. */
  async markRead(t: TenantTx, userId: string, kinds: string[], notificationId?: string): Promise<number> {
    const params: unknown[] = [t.businessId, userId, kinds];
    const one = notificationId ? `AND n.id = $${params.push(notificationId)}` : '';
    return t.execute(
      `INSERT INTO notification_reads (business_id, notification_id, user_id)
       SELECT n.business_id, n.id, $2 FROM notifications n
        WHERE n.business_id = $1 AND n.kind = ANY($3::text[]) ${one}
       ON CONFLICT (business_id, notification_id, user_id) DO NOTHING`,
      params,
    );
  }
}

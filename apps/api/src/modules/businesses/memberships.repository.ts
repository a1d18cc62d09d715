import { Injectable } from '@nestjs/common';
import { Db, TenantTx } from '../../db/db';
import { decodeCursor } from '../../common/pagination';
import type { Role } from '../access/permissions';

export interface MemberRow {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  createdAt: Date;
  cursorAt: string;
}

const MEMBER_COLUMNS = `m.id, m.user_id AS "userId", u.name, u.email, m.role, m.created_at AS "createdAt",
  m.created_at::text AS "cursorAt"`;

@Injectable()
export class MembershipsRepository {
  constructor(private readonly db: Db) {}

  /** Used by the access guard before any tenant transaction exists. */
  async findForUser(businessId: string, userId: string): Promise<{ id: string; role: Role } | null> {
    const [row] = await this.db.account(userId, (tx) =>
      tx.query(`SELECT id, role FROM memberships WHERE business_id = $1 AND user_id = $2`, [businessId, userId]),
    );
    return row ?? null;
  }

  async list(t: TenantTx, page: { limit: number; cursor?: string }): Promise<MemberRow[]> {
    const after = decodeCursor(page.cursor);
    return t.query(
      `SELECT ${MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.business_id = $1 AND ($2::timestamptz IS NULL OR (m.created_at, m.id) > ($2::timestamptz, $3::uuid))
        ORDER BY m.created_at, m.id LIMIT $4`,
      [t.businessId, after?.at ?? null, after?.id ?? null, page.limit + 1],
    );
  }

  async get(t: TenantTx, membershipId: string, opts: { lock?: boolean } = {}): Promise<MemberRow | null> {
    const [row] = await t.query(
      `SELECT ${MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.business_id = $1 AND m.id = $2 ${opts.lock ? 'FOR UPDATE OF m' : ''}`,
      [t.businessId, membershipId],
    );
    return row ?? null;
  }

  async findByUser(t: TenantTx, userId: string): Promise<{ id: string; role: Role } | null> {
    const [row] = await t.query(`SELECT id, role FROM memberships WHERE business_id = $1 AND user_id = $2`, [
      t.businessId,
      userId,
    ]);
    return row ?? null;
  }

  async insert(t: TenantTx, userId: string, role: Role): Promise<string> {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO memberships (business_id, user_id, role) VALUES ($1, $2, $3) RETURNING id`,
      [t.businessId, userId, role],
    );
    return row.id;
  }

  async setRole(t: TenantTx, membershipId: string, role: Role): Promise<void> {
    await t.execute(`UPDATE memberships SET role = $3 WHERE business_id = $1 AND id = $2`, [t.businessId, membershipId, role]);
  }

  async remove(t: TenantTx, membershipId: string): Promise<void> {
    await t.execute(`DELETE FROM memberships WHERE business_id = $1 AND id = $2`, [t.businessId, membershipId]);
  }

  /** Locks the owners' rows so two concurrent demotions cannot leave a business without an owner. */
  async lockOwners(t: TenantTx): Promise<string[]> {
    const rows = await t.query<{ id: string }>(
      `SELECT id FROM memberships WHERE business_id = $1 AND role = 'owner' ORDER BY id FOR UPDATE`,
      [t.businessId],
    );
    return rows.map((r) => r.id);
  }
}

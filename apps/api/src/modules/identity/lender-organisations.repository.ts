import { Injectable } from '@nestjs/common';
import { Db, Tx } from '../../db/db';
import { likePattern } from '../catalog/sorted-page';

export type LenderRole = 'admin' | 'analyst' | 'viewer';

export interface LenderOrganisationRow {
  id: string;
  name: string;
  country: string | null;
  description: string;
  descriptionZh: string;
}

/** Lender organisations: the second kind of account, with their own users. */
@Injectable()
export class LenderOrganisationsRepository {
  constructor(private readonly db: Db) {}

  async create(
    tx: Tx,
    org: { name: string; legalName?: string; country?: string; description?: string; descriptionZh?: string },
  ): Promise<string> {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO lender_organisations (name, legal_name, country, description, description_zh)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [org.name, org.legalName ?? null, org.country ?? null, org.description ?? '', org.descriptionZh ?? ''],
    );
    return row.id;
  }

  /** The public description owners read when choosing whom to share with. */
  async describe(tx: Tx, id: string, description: { en: string; zh: string }): Promise<void> {
    await tx.execute(`UPDATE lender_organisations SET description = $2, description_zh = $3 WHERE id = $1`, [
      id,
      description.en,
      description.zh,
    ]);
  }

  async addMember(tx: Tx, lenderId: string, userId: string, role: LenderRole): Promise<void> {
    await tx.execute(
      `INSERT INTO lender_members (lender_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (lender_id, user_id) DO UPDATE SET role = excluded.role`,
      [lenderId, userId, role],
    );
  }

  async findByName(tx: Tx, name: string): Promise<string | null> {
    const [row] = await tx.query<{ id: string }>(`SELECT id FROM lender_organisations WHERE name = $1`, [name]);
    return row?.id ?? null;
  }

  async get(tx: Tx, id: string): Promise<LenderOrganisationRow | null> {
    const [row] = await tx.query<LenderOrganisationRow>(
      `SELECT id, name, country, description, description_zh AS "descriptionZh" FROM lender_organisations WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Organisations a business can share with, by name; `search` matches anywhere in the name. */
  async list(tx: Tx, q: { search?: string; limit: number }): Promise<LenderOrganisationRow[]> {
    return tx.query<LenderOrganisationRow>(
      `SELECT id, name, country, description, description_zh AS "descriptionZh" FROM lender_organisations
        WHERE ($1::text IS NULL OR name ILIKE $1)
        ORDER BY lower(name), id LIMIT $2`,
      [q.search ? likePattern(q.search) : null, q.limit],
    );
  }

  /** Used by the access guard: the organisations a user belongs to, with their role in each. */
  async membershipsOf(userId: string): Promise<{ lenderId: string; role: LenderRole }[]> {
    return this.db.account(userId, (tx) =>
      tx.query(`SELECT lender_id AS "lenderId", role FROM lender_members WHERE user_id = $1 ORDER BY created_at, lender_id`, [
        userId,
      ]),
    );
  }
}

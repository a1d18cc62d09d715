import { Injectable } from '@nestjs/common';
import { Tx } from '../../db/db';

export type LenderRole = 'admin' | 'analyst' | 'viewer';

/** Lender organisations: the second kind of account, with their own users. */
@Injectable()
export class LenderOrganisationsRepository {
  async create(tx: Tx, org: { name: string; legalName?: string; country?: string }): Promise<string> {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO lender_organisations (name, legal_name, country) VALUES ($1, $2, $3) RETURNING id`,
      [org.name, org.legalName ?? null, org.country ?? null],
    );
    return row.id;
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
}

import { Injectable } from '@nestjs/common';
import { Tx } from '../../db/db';
import type { Role } from '../access/permissions';
import type { Locale, UserDto } from './dto/auth.dto';

export interface UserRow extends UserDto {
  passwordHash: string;
}

const COLUMNS = `id, email, name, locale, password_hash AS "passwordHash"`;

@Injectable()
export class UsersRepository {
  async findByEmail(tx: Tx, email: string): Promise<UserRow | null> {
    const [row] = await tx.query(`SELECT ${COLUMNS} FROM users WHERE email = $1`, [email]);
    return row ?? null;
  }

  async findById(tx: Tx, id: string): Promise<UserRow | null> {
    const [row] = await tx.query(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** Returns null when the email is already taken. */
  async insert(tx: Tx, u: { email: string; name: string; passwordHash: string; locale: Locale }): Promise<UserRow | null> {
    const [row] = await tx.query(
      `INSERT INTO users (email, name, password_hash, locale) VALUES ($1, $2, $3, $4)
       ON CONFLICT (email) DO NOTHING RETURNING ${COLUMNS}`,
      [u.email, u.name, u.passwordHash, u.locale],
    );
    return row ?? null;
  }

  async update(tx: Tx, id: string, patch: { name?: string; locale?: Locale }): Promise<UserRow> {
    const [row] = await tx.query(
      `UPDATE users SET name = coalesce($2, name), locale = coalesce($3, locale), updated_at = now()
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, patch.name ?? null, patch.locale ?? null],
    );
    return row;
  }

  async businessesOf(tx: Tx, userId: string) {
    return tx.query<{ id: string; name: string; baseCurrency: string; role: Role }>(
      `SELECT b.id, b.name, b.base_currency AS "baseCurrency", m.role
         FROM memberships m JOIN businesses b ON b.id = m.business_id
        WHERE m.user_id = $1 ORDER BY b.name, b.id`,
      [userId],
    );
  }

  async lenderOrganisationsOf(tx: Tx, userId: string) {
    return tx.query(
      `SELECT o.id, o.name, lm.role FROM lender_members lm JOIN lender_organisations o ON o.id = lm.lender_id
        WHERE lm.user_id = $1 ORDER BY o.name, o.id`,
      [userId],
    );
  }
}

export const publicUser = ({ passwordHash: _omit, ...user }: UserRow): UserDto => user;

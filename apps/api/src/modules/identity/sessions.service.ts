import { Inject, Injectable } from '@nestjs/common';
import type { CookieOptions, Response } from 'express';
import { createHash, randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Db, Tx } from '../../db/db';
import type { AuthedRequest, Principal } from '../access/principal';

export const SESSION_COOKIE = 'keeper_session';
export const CSRF_COOKIE = 'keeper_csrf';

const tokenHash = (token: string) => createHash('sha256').update(token).digest();

// A session's expiry slides forward on use, at most once an hour, to keep writes rare.
const SLIDE_AFTER_MS = 60 * 60 * 1000;

/**
 * Server-side sessions in PostgreSQL behind an opaque httpOnly cookie (see README: why not JWTs).
 * Only a SHA-256 of the token is stored, so a database leak yields no usable sessions.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(tx: Tx, userId: string, req: AuthedRequest, res: Response): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3600_000);
    await tx.query(
      `INSERT INTO sessions (token_hash, csrf_token, user_id, ip, user_agent, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [tokenHash(token), csrfToken, userId, req.ip ?? null, (req.header('user-agent') ?? '').slice(0, 400), expiresAt],
    );
    this.setCookies(res, token, csrfToken, expiresAt);
  }

  async authenticate(req: AuthedRequest): Promise<Principal | null> {
    if (req.principal) return req.principal;
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token !== 'string' || token.length < 20 || token.length > 100) return null;
    const rows = await this.db.account(null, (tx) =>
      tx.query(
        `SELECT s.id, s.csrf_token, s.last_seen_at, s.password_confirmed_at, u.id AS user_id, u.email, u.name, u.locale
           FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
        [tokenHash(token)],
      ),
    );
    const row = rows[0];
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > SLIDE_AFTER_MS) {
      await this.db.account(null, (tx) =>
        tx.query(
          `UPDATE sessions SET last_seen_at = now(), expires_at = now() + make_interval(hours => $2) WHERE id = $1`,
          [row.id, this.config.SESSION_TTL_HOURS],
        ),
      );
    }
    return {
      userId: row.user_id,
      sessionId: row.id,
      email: row.email,
      name: row.name,
      locale: row.locale,
      csrfToken: row.csrf_token,
      passwordConfirmedAt: row.password_confirmed_at ? new Date(row.password_confirmed_at) : null,
    };
  }

  /** Records that the session's user just re-entered their password. */
  async markPasswordConfirmed(tx: Tx, sessionId: string): Promise<void> {
    await tx.execute(`UPDATE sessions SET password_confirmed_at = now() WHERE id = $1 AND revoked_at IS NULL`, [sessionId]);
  }

  async revoke(tx: Tx, sessionId: string, res: Response): Promise<void> {
    await tx.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [sessionId]);
    const base = this.cookieBase();
    res.clearCookie(SESSION_COOKIE, { ...base, httpOnly: true });
    res.clearCookie(CSRF_COOKIE, base);
  }

  private cookieBase(): CookieOptions {
    return { path: '/', sameSite: 'lax', secure: this.config.COOKIE_SECURE };
  }

  private setCookies(res: Response, token: string, csrfToken: string, expires: Date) {
    const base = this.cookieBase();
    res.cookie(SESSION_COOKIE, token, { ...base, httpOnly: true, expires });
    // Readable by the page so it can echo it in X-CSRF-Token (double submit, checked against the session).
    res.cookie(CSRF_COOKIE, csrfToken, { ...base, httpOnly: false, expires });
  }
}

import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DomainError } from '../../common/errors';
import { Db, Tx } from '../../db/db';
import { AuthedRequest, principalKey } from '../access/principal';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY = /^[\x21-\x7e]{1,255}$/;

interface StoredResponse {
  request_hash: string;
  response_status: number;
  response_body: unknown;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * `Idempotency-Key` on mutations, scoped to the business and the principal. The key's record is
 * written in the same transaction as the effect (services join the ambient transaction), so a
 * key either has both or neither. A transaction-level advisory lock on the key turns a concurrent
 * duplicate into 409; a later duplicate replays the stored response; a reused key with another
 * body is 422. Failed requests roll back and leave no record, so they may be retried.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly db: Db) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const key = req.header('idempotency-key');
    if (!MUTATING.has(req.method) || key === undefined) return next.handle();
    if (!KEY.test(key)) {
      throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key: must be 1-255 visible ASCII characters', {
        fields: [{ field: 'Idempotency-Key', code: 'invalid_format', message: 'must be 1-255 visible ASCII characters' }],
      });
    }
    // Anonymous routes (sign-up, sign-in) create sessions for the caller and are not replayable.
    if (!req.principal) return next.handle();

    const res = ctx.switchToHttp().getResponse<Response>();
    const principal = principalKey(req.principal);
    const requestHash = createHash('sha256')
      // A file upload's bytes are hashed as they are (walking a Buffer as an object would be slow).
      .update(`${req.method} ${req.originalUrl.split('?')[0]}\n`)
      .update(Buffer.isBuffer(req.body) ? req.body : JSON.stringify(canonical(req.body ?? null)))
      .digest('hex');
    const businessId = req.access?.businessId;

    const run = async (tx: Tx, table: 'idempotency_keys' | 'account_idempotency_keys') => {
      const scope = businessId ? `${businessId}:${principal}:${key}` : `${principal}:${key}`;
      const [{ locked }] = await tx.query(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked`, [scope]);
      if (!locked) {
        throw new DomainError('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed');
      }
      const where = businessId ? 'business_id = $1 AND principal = $2 AND key = $3' : 'principal = $1 AND key = $2';
      const params = businessId ? [businessId, principal, key] : [principal, key];
      const [stored] = await tx.query<StoredResponse>(
        `SELECT request_hash, response_status, response_body FROM ${table} WHERE ${where}`,
        params,
      );
      if (stored) {
        if (stored.request_hash !== requestHash) {
          throw new DomainError(
            'IDEMPOTENCY_KEY_REUSED',
            'This Idempotency-Key was already used for a different request; use a new key',
          );
        }
        res.status(stored.response_status);
        res.setHeader('Idempotent-Replayed', 'true');
        return stored.response_body ?? undefined;
      }
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const columns = businessId ? 'business_id, principal, key' : 'principal, key';
      const values = businessId ? '$1, $2, $3, $4, $5, $6' : '$1, $2, $3, $4, $5';
      await tx.query(
        `INSERT INTO ${table} (${columns}, request_hash, response_status, response_body) VALUES (${values})`,
        [...params, requestHash, res.statusCode, body === undefined ? null : JSON.stringify(body)],
      );
      return body;
    };

    return from(
      businessId
        ? this.db.tenant(businessId, (t) => run(t, 'idempotency_keys'), { userId: req.principal.userId })
        : this.db.account(req.principal.userId, (tx) => run(tx, 'account_idempotency_keys')),
    );
  }
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

/**
 * A unit of work. `query` always resolves to the returned rows (TypeORM's own `query` answers
 * UPDATE/DELETE with `[rows, count]`, a trap); `execute` resolves to the affected row count.
 */
export interface Tx {
  readonly manager: EntityManager;
  query<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
  execute(sql: string, params?: unknown[]): Promise<number>;
}

/**
 * A transaction bound to one business. Repository methods for tenant tables take this first, so
 * a tenant query cannot be written without naming its business; RLS is the second wall.
 */
export interface TenantTx extends Tx {
  readonly businessId: string;
}

interface Ambient {
  tx: Tx;
  businessId: string | null;
  userId: string | null;
}

function wrap(manager: EntityManager): Tx {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('Tx needs a transaction-bound EntityManager');
  return {
    manager,
    query: async (sql, params) => (await runner.query(sql, params, true)).records,
    execute: async (sql, params) => (await runner.query(sql, params, true)).affected ?? 0,
  };
}

/**
 * The only way application code reaches PostgreSQL. Every unit of work is a transaction; a
 * tenant transaction sets `app.business_id` (transaction-local) so RLS applies, and a nested call
 * joins the ambient transaction of the request (so an idempotency record commits together with
 * the effect it records).
 */
export class Db {
  private readonly ambient = new AsyncLocalStorage<Ambient>();

  constructor(readonly dataSource: DataSource) {}

  /** A transaction scoped to one business. */
  tenant<T>(businessId: string, fn: (t: TenantTx) => Promise<T>, opts: { userId?: string } = {}): Promise<T> {
    return this.run({ businessId, userId: opts.userId ?? null }, (tx) => fn({ ...tx, businessId }));
  }

  /** A transaction with no tenant: tables without RLS, or RLS rows visible to the given user. */
  account<T>(userId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.run({ businessId: null, userId }, fn);
  }

  /**
   * Runs `fn` outside the caller's transaction, so its units of work commit on their own: for a
   * record that must survive the caller's rollback (a refused access, a wrong password). Each takes
   * a second pool connection, and must not wait on rows the caller's transaction has locked.
   */
  outside<T>(fn: () => Promise<T>): Promise<T> {
    return this.ambient.exit(fn);
  }

  /** Whether the caller runs inside a transaction opened further up (e.g. by the idempotency layer). */
  get inTransaction(): boolean {
    return this.ambient.getStore() !== undefined;
  }

  private async run<T>(scope: { businessId: string | null; userId: string | null }, fn: (tx: Tx) => Promise<T>) {
    const current = this.ambient.getStore();
    if (current) {
      if (scope.businessId && current.businessId && current.businessId !== scope.businessId) {
        throw new Error('A transaction cannot span two businesses');
      }
      await this.applyScope(current, scope);
      return fn(current.tx);
    }
    return this.dataSource.transaction(async (manager) => {
      const store: Ambient = { tx: wrap(manager), businessId: null, userId: null };
      await this.applyScope(store, scope);
      return this.ambient.run(store, () => fn(store.tx));
    });
  }

  private async applyScope(store: Ambient, scope: { businessId: string | null; userId: string | null }) {
    if (scope.businessId && store.businessId !== scope.businessId) {
      await store.tx.query(`SELECT set_config('app.business_id', $1, true)`, [scope.businessId]);
      store.businessId = scope.businessId;
    }
    if (scope.userId && store.userId !== scope.userId) {
      await store.tx.query(`SELECT set_config('app.user_id', $1, true)`, [scope.userId]);
      store.userId = scope.userId;
    }
  }
}

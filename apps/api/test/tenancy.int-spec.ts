import type { Client } from 'pg';
import { buildOpenApiDocument } from '../src/cli/openapi';
import { addMember, Api, createBusiness, Session, signUp, sqlAs, startApi } from './harness';

/**
 * Tenant A must never read, change or delete anything of tenant B: through every route that
 * names a business (taken from the OpenAPI document, so new routes are covered automatically),
 * and through SQL as the runtime role with A's tenant setting or with none.
 */
describe('tenant isolation', () => {
  let api: Api;
  let a: Session;
  let b: Session;
  let businessA: string;
  let businessB: string;
  let ids: Record<string, string>;

  beforeAll(async () => {
    api = await startApi();
    a = await signUp(api, 'Owner A');
    b = await signUp(api, 'Owner B');
    businessA = await createBusiness(a, 'Tenant A');
    businessB = await createBusiness(b, 'Tenant B');
    const staffB = await addMember(api, b, businessB, 'staff');
    const members = await b.get(`/api/businesses/${businessB}/members`).expect(200);
    const inv = await b
      .post(`/api/businesses/${businessB}/invitations`, { email: 'pending@example.test', role: 'staff' })
      .expect(201);
    ids = {
      membershipId: members.body.items.find((m: { userId: string }) => m.userId === staffB.user.id).id,
      invitationId: inv.body.invitation.id,
    };
  });
  afterAll(() => api.close());

  const snapshotB = async () => ({
    business: (await b.get(`/api/businesses/${businessB}`).expect(200)).body,
    members: (await b.get(`/api/businesses/${businessB}/members`).expect(200)).body,
    invitations: (await b.get(`/api/businesses/${businessB}/invitations`).expect(200)).body,
  });

  interface Schema {
    $ref?: string;
    type?: string;
    format?: string;
    example?: unknown;
    enum?: unknown[];
    items?: Schema;
    properties?: Record<string, Schema>;
  }

  /** A valid body from the operation's schema (recursively), so a 404 cannot hide behind a 400. */
  const validBody = (doc: { components?: { schemas?: Record<string, unknown> } }, op: unknown): object => {
    const sample = (schema: Schema | undefined): unknown => {
      if (!schema) return undefined;
      if (schema.$ref) return sample(doc.components?.schemas?.[schema.$ref.split('/').pop()!] as Schema);
      if (schema.example !== undefined) return schema.example;
      if (schema.enum) return schema.enum[0];
      if (schema.properties) return Object.fromEntries(Object.entries(schema.properties).map(([k, p]) => [k, sample(p)]));
      if (schema.type === 'array') return [sample(schema.items)];
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000001';
      if (schema.type === 'boolean') return false;
      if (schema.type === 'number' || schema.type === 'integer') return 1;
      return 'Hijacked';
    };
    const body = sample(
      (op as { requestBody?: { content?: { 'application/json'?: { schema?: Schema } } } }).requestBody?.content?.['application/json']
        ?.schema,
    );
    return (body as object) ?? {};
  };

  it('answers 404 on every business route called with another tenant\'s ids, and changes nothing', async () => {
    const doc = await buildOpenApiDocument();
    const before = await snapshotB();
    const calls: string[] = [];
    for (const [template, operations] of Object.entries(doc.paths)) {
      if (!template.includes('{businessId}')) continue;
      // Lender routes name a business they read under consent, not one the caller belongs to: a
      // caller who is no lender gets 403, and a lender without a grant 403 CONSENT_REFUSED, the
      // same for a business that exists and one that does not (credit-pipeline.int-spec.ts).
      if (template.startsWith('/api/lender/')) continue;
      for (const [method, op] of Object.entries(operations) as ['get' | 'post' | 'patch' | 'put' | 'delete', unknown][]) {
        // B's business id with B's sub-ids, and A's business id with B's sub-ids.
        for (const businessId of [businessB, businessA]) {
          const path = template
            .replace('{businessId}', businessId)
            .replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? '00000000-0000-4000-8000-000000000000');
          if (businessId === businessA && !/\{\w+Id\}/.test(template.replace('{businessId}', ''))) continue;
          const res =
            method === 'get'
              ? await a.get(path)
              : method === 'delete'
                ? await a.delete(path)
                : await a[method === 'put' ? 'patch' : method](path, validBody(doc, op));
          calls.push(`${method.toUpperCase()} ${template} as A on ${businessId === businessB ? 'B' : 'A with B ids'}`);
          expect({ call: calls[calls.length - 1], status: res.status }).toEqual({
            call: calls[calls.length - 1],
            status: 404,
          });
        }
      }
    }
    expect(calls.length).toBeGreaterThanOrEqual(10);
    expect(await snapshotB()).toEqual(before);
  });

  describe('through SQL as the runtime role', () => {
    let db: Client;
    let tables: string[];
    beforeAll(async () => {
      db = await sqlAs('keeper_app');
      const owner = await sqlAs('postgres');
      tables = (
        await owner.query(
          `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'business_id'
           WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
        )
      ).rows.map((r) => r.relname);
      await owner.end();
    });
    afterAll(() => db.end());

    const inTx = async <T>(businessId: string | null, fn: () => Promise<T>): Promise<T> => {
      await db.query('BEGIN');
      try {
        if (businessId) await db.query(`SELECT set_config('app.business_id', $1, true)`, [businessId]);
        return await fn();
      } finally {
        await db.query('ROLLBACK');
      }
    };

    it.each([
      ['with tenant A set', () => businessA],
      ['with no tenant set', () => null],
    ])('sees none of B %s', async (_label, tenant) => {
      for (const table of tables) {
        const { rows } = await inTx(tenant(), () =>
          db.query(`SELECT count(*)::int AS n FROM ${table} WHERE business_id = $1`, [businessB]),
        );
        expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
      }
      const { rows } = await inTx(tenant(), () => db.query(`SELECT count(*)::int AS n FROM businesses WHERE id = $1`, [businessB]));
      expect(rows[0].n).toBe(0);
    });

    it('cannot change or delete B\'s rows with A\'s tenant setting', async () => {
      for (const table of tables) {
        const { rows: privileges } = await db.query(
          `SELECT has_table_privilege($1, 'UPDATE') AS can_update, has_table_privilege($1, 'DELETE') AS can_delete`,
          [table],
        );
        // Append-only tables (audit_events, journal lines, stock movements) and tables whose rows are
        // never deleted (stock levels, locations): the runtime role may not even try what it lacks.
        for (const [allowed, sql] of [
          [privileges[0].can_update, `UPDATE ${table} SET business_id = business_id WHERE business_id = $1`],
          [privileges[0].can_delete, `DELETE FROM ${table} WHERE business_id = $1`],
        ] as const) {
          if (!allowed) {
            await expect(inTx(businessA, () => db.query(sql, [businessB]))).rejects.toThrow(/permission denied/);
            continue;
          }
          const changed = await inTx(businessA, () => db.query(sql, [businessB]));
          expect({ table, sql, changed: changed.rowCount }).toEqual({ table, sql, changed: 0 });
        }
      }
      const renamed = await inTx(businessA, () => db.query(`UPDATE businesses SET name = 'x' WHERE id = $1`, [businessB]));
      expect(renamed.rowCount).toBe(0);
    });

    it('cannot write rows into B with A\'s tenant setting', async () => {
      await expect(
        inTx(businessA, () =>
          db.query(`INSERT INTO audit_events (business_id, action) VALUES ($1, 'forged')`, [businessB]),
        ),
      ).rejects.toThrow(/row-level security/);
    });

    it('cannot bypass RLS by switching it off', async () => {
      await expect(inTx(null, () => db.query(`SET row_security = off; SELECT * FROM memberships`))).rejects.toThrow(
        /row-level security/,
      );
    });
  });
});

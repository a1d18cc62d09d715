import type { Client } from 'pg';
import { sqlAs } from './harness';

/**
 * Walks the catalog so no table, now or in a later migration, can forget tenancy: every table
 * with a business_id must key on (business_id, id), carry business_id in every foreign key to
 * another tenant table, enable and force RLS with a policy, and be owned by someone other than
 * the runtime role, which itself must not be able to bypass RLS or own anything.
 */
describe('schema catalog', () => {
  let db: Client;
  beforeAll(async () => {
    db = await sqlAs('postgres');
  });
  afterAll(() => db.end());

  const tenantTables = async (): Promise<string[]> =>
    (
      await db.query(
        `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'business_id' AND NOT a.attisdropped
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
      )
    ).rows.map((r) => r.relname);

  it('finds the tenant tables', async () => {
    expect(await tenantTables()).toEqual(
      expect.arrayContaining(['memberships', 'invitations', 'audit_events', 'outbox', 'consent_grants', 'consent_grant_events', 'consent_access_log']),
    );
  });

  it('keys every tenant table on (business_id, id) with business_id NOT NULL', async () => {
    const problems: string[] = [];
    for (const table of await tenantTables()) {
      const { rows } = await db.query(
        `SELECT array_agg(a.attname::text ORDER BY k.ord) AS cols
           FROM pg_constraint con
           CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
          WHERE con.conrelid = $1::regclass AND con.contype = 'p'`,
        [table],
      );
      if (JSON.stringify(rows[0]?.cols) !== JSON.stringify(['business_id', 'id'])) {
        problems.push(`${table}: primary key is ${JSON.stringify(rows[0]?.cols)}`);
      }
      const nn = await db.query(
        `SELECT attnotnull FROM pg_attribute WHERE attrelid = $1::regclass AND attname = 'business_id'`,
        [table],
      );
      if (!nn.rows[0].attnotnull) problems.push(`${table}: business_id is nullable`);
    }
    expect(problems).toEqual([]);
  });

  it('includes business_id in every foreign key between tenant tables', async () => {
    const tables = new Set(await tenantTables());
    const { rows } = await db.query(
      `SELECT con.conname, src.relname AS src, dst.relname AS dst,
              (SELECT array_agg(a.attname::text) FROM unnest(con.conkey) k JOIN pg_attribute a
                 ON a.attrelid = con.conrelid AND a.attnum = k) AS cols
         FROM pg_constraint con
         JOIN pg_class src ON src.oid = con.conrelid JOIN pg_class dst ON dst.oid = con.confrelid
         JOIN pg_namespace n ON n.oid = src.relnamespace
        WHERE con.contype = 'f' AND n.nspname = 'public'`,
    );
    const problems = rows
      .filter((r) => tables.has(r.src) && tables.has(r.dst) && !r.cols.includes('business_id'))
      .map((r) => `${r.conname}: ${r.src} -> ${r.dst} on ${r.cols}`);
    expect(problems).toEqual([]);
  });

  it('enables and forces RLS, with a policy, on every tenant table', async () => {
    const problems: string[] = [];
    for (const table of await tenantTables()) {
      const { rows } = await db.query(
        `SELECT c.relrowsecurity, c.relforcerowsecurity,
                (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
           FROM pg_class c WHERE c.oid = $1::regclass`,
        [table],
      );
      const r = rows[0];
      if (!r.relrowsecurity || !r.relforcerowsecurity || r.policies === 0) {
        problems.push(`${table}: rls=${r.relrowsecurity} force=${r.relforcerowsecurity} policies=${r.policies}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives the runtime role no ownership, no superuser and no RLS bypass', async () => {
    const { rows } = await db.query(
      `SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = 'keeper_app'`,
    );
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    const owned = await db.query(
      `SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = 'keeper_app'
       UNION ALL SELECT p.proname FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner WHERE r.rolname = 'keeper_app'
       UNION ALL SELECT n.nspname FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE r.rolname = 'keeper_app'`,
    );
    expect(owned.rows).toEqual([]);
    const members = await db.query(
      `SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
        JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = 'keeper_app'`,
    );
    expect(members.rows).toEqual([]);
  });

  it('keeps audit and security events, consent history and the access log append-only for the runtime role', async () => {
    const { rows } = await db.query(
      `SELECT table_name, privilege_type FROM information_schema.role_table_grants
        WHERE grantee = 'keeper_app'
          AND table_name IN ('audit_events', 'security_events', 'consent_grant_events', 'consent_access_log')
          AND privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')`,
    );
    expect(rows).toEqual([]);
    // Consent grants change (renewed, narrowed, ended) but are never deleted.
    const grants = await db.query(
      `SELECT privilege_type FROM information_schema.role_table_grants
        WHERE grantee = 'keeper_app' AND table_name = 'consent_grants' ORDER BY 1`,
    );
    expect(grants.rows.map((r) => r.privilege_type)).toEqual(['INSERT', 'SELECT', 'UPDATE']);
  });
});

import { Client } from 'pg';
import { ConfigError, loadConfig } from '../config/config';

const ident = (s: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(s)) throw new Error(`Unsafe identifier: ${s}`);
  return `"${s}"`;
};
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Creates (idempotently) the two roles and the database, using an administrative connection:
 * the owner role (runs migrations, owns the schema, BYPASSRLS for the few SECURITY DEFINER
 * functions) and the runtime role (NOSUPERUSER NOBYPASSRLS, owns nothing). Role names, passwords
 * and the database name come from MIGRATION_DATABASE_URL and DATABASE_URL.
 */
export async function setupDatabase(
  env: Record<string, string | undefined> = process.env,
  database?: string,
  opts: { reset?: boolean } = {},
) {
  const config = loadConfig(env);
  const owner = new URL(config.MIGRATION_DATABASE_URL);
  const runtime = new URL(config.DATABASE_URL);
  const dbName = database ?? decodeURIComponent(owner.pathname.slice(1));
  const ownerRole = decodeURIComponent(owner.username);
  const appRole = decodeURIComponent(runtime.username);
  if (ownerRole === appRole) throw new Error('DATABASE_URL and MIGRATION_DATABASE_URL must use different roles');

  const admin = new Client({ connectionString: config.DATABASE_ADMIN_URL });
  await admin.connect();
  try {
    if (opts.reset) {
      if (config.NODE_ENV === 'production') throw new Error('--reset refuses to drop a production database');
      await admin.query(`DROP DATABASE IF EXISTS ${ident(dbName)} WITH (FORCE)`);
    }
    for (const [role, url, attrs] of [
      [ownerRole, owner, 'LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB BYPASSRLS'],
      [appRole, runtime, 'LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOBYPASSRLS NOREPLICATION'],
    ] as const) {
      const password = url.password ? ` PASSWORD ${literal(decodeURIComponent(url.password))}` : '';
      const { rowCount } = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      await admin.query(`${rowCount ? 'ALTER' : 'CREATE'} ROLE ${ident(role)} WITH ${attrs}${password}`);
    }
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${ident(dbName)} OWNER ${ident(ownerRole)}`);
  } finally {
    await admin.end();
  }

  const adminUrl = new URL(config.DATABASE_ADMIN_URL);
  adminUrl.pathname = `/${dbName}`;
  const db = new Client({ connectionString: adminUrl.toString() });
  await db.connect();
  try {
    await db.query(`ALTER SCHEMA public OWNER TO ${ident(ownerRole)}`);
    await db.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await db.query(`REVOKE ALL ON DATABASE ${ident(dbName)} FROM PUBLIC`);
    await db.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident(dbName)} TO ${ident(appRole)}`);
  } finally {
    await db.end();
  }
  return { dbName, ownerRole, appRole };
}

if (require.main === module) {
  // --reset drops the database first (test and e2e databases only; refused in production).
  setupDatabase(process.env, undefined, { reset: process.argv.includes('--reset') })
    .then(({ dbName, ownerRole, appRole }) =>
      console.log(`Database ${dbName} ready (schema owner ${ownerRole}, runtime role ${appRole})`),
    )
    .catch((e) => {
      console.error(e instanceof ConfigError ? e.message : `Database setup failed: ${(e as Error).message}`);
      process.exit(1);
    });
}

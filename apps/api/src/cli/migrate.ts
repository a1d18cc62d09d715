import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/config';
import { createDataSource } from '../db/data-source';

/** Runs pending migrations as the schema owner. */
export async function migrate(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig(env);
  const ds = await createDataSource(config.MIGRATION_DATABASE_URL, { poolSize: 1, applicationName: 'keeper-migrate' }).initialize();
  try {
    return (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  migrate()
    .then((ran) => console.log(ran.length ? `Applied migrations: ${ran.join(', ')}` : 'Database schema is up to date'))
    .catch((e) => {
      console.error(e instanceof ConfigError ? e.message : `Migration failed: ${(e as Error).message}`);
      process.exit(1);
    });
}

import { Client } from 'pg';
import { migrate } from '../src/cli/migrate';
import { setupDatabase } from '../src/cli/db-setup';
import { loadConfig } from '../src/config/config';
import { TEST_DB, testEnv } from './test-env';

/** A fresh test database per run, built by the real setup and migrations. */
export default async function globalSetup() {
  const env = testEnv();
  const admin = new Client({ connectionString: loadConfig(env).DATABASE_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${TEST_DB}" WITH (FORCE)`);
  await admin.end();
  await setupDatabase(env, TEST_DB);
  await migrate(env);
}

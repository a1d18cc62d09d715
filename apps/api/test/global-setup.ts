import { migrate } from '../src/cli/migrate';
import { setupDatabase } from '../src/cli/db-setup';
import { TEST_DB, testEnv } from './test-env';

/** A fresh test database per run, built by the real setup and migrations. */
export default async function globalSetup() {
  const env = testEnv();
  await setupDatabase(env, TEST_DB, { reset: true });
  await migrate(env);
}

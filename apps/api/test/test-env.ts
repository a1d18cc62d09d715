import { randomBytes } from 'node:crypto';

/** The database and queue namespace integration tests use; never the dev database. */
export const TEST_DB = process.env.KEEPER_TEST_DB ?? 'keeper_test';

export function testEnv(overrides: Record<string, string> = {}): Record<string, string | undefined> {
  return {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: `postgres://keeper_app@127.0.0.1:5432/${TEST_DB}`,
    MIGRATION_DATABASE_URL: `postgres://keeper_owner@127.0.0.1:5432/${TEST_DB}`,
    QUEUE_PREFIX: `keeper-test-${randomBytes(4).toString('hex')}`,
    MAIL_DIR: `/tmp/keeper-test-mail-${process.pid}`,
    LOG_LEVEL: 'silent',
    OUTBOX_POLL_MS: '100',
    ...overrides,
  };
}

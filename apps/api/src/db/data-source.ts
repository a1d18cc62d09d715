import { DataSource } from 'typeorm';
import { Foundation1763856000000 } from './migrations/1763856000000-foundation';

/** Every migration, in order. Listed explicitly so builds and tests never depend on file globs. */
export const MIGRATIONS = [Foundation1763856000000];

export function createDataSource(url: string, opts: { poolSize?: number; applicationName?: string } = {}) {
  return new DataSource({
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    entities: [],
    applicationName: opts.applicationName ?? 'keeper',
    extra: { max: opts.poolSize ?? 10 },
  });
}

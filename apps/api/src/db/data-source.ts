import { DataSource } from 'typeorm';
import { Foundation1763856000000 } from './migrations/1763856000000-foundation';
import { Ledger1763900000000 } from './migrations/1763900000000-ledger';
import { Catalog1763900100000 } from './migrations/1763900100000-catalog';
import { Invoices1763900200000 } from './migrations/1763900200000-invoices';
import { Payments1763900300000 } from './migrations/1763900300000-payments';
import { InvoiceDocuments1763900400000 } from './migrations/1763900400000-invoice-documents';
import { RecurringReminders1763900500000 } from './migrations/1763900500000-recurring-reminders';
import { BusinessProfile1763900600000 } from './migrations/1763900600000-business-profile';
import { RecurringRemindersCatchUp1763900700000 } from './migrations/1763900700000-recurring-reminders-catch-up';
import { Inventory1764000000000 } from './migrations/1764000000000-inventory';
import { CountsReorderNotifications1764000300000 } from './migrations/1764000300000-counts-reorder-notifications';
import { Sales1764000100000 } from './migrations/1764000100000-sales';
import { Purchasing1764000200000 } from './migrations/1764000200000-purchasing';
import { Consent1764100000000 } from './migrations/1764100000000-consent';
import { Credit1764100100000 } from './migrations/1764100100000-credit';

/** Every migration, in order. Listed explicitly so builds and tests never depend on file globs. */
export const MIGRATIONS = [
  Foundation1763856000000,
  Ledger1763900000000,
  Catalog1763900100000,
  Invoices1763900200000,
  Payments1763900300000,
  InvoiceDocuments1763900400000,
  RecurringReminders1763900500000,
  BusinessProfile1763900600000,
  RecurringRemindersCatchUp1763900700000,
  Inventory1764000000000,
  Sales1764000100000,
  Purchasing1764000200000,
  CountsReorderNotifications1764000300000,
  Consent1764100000000,
  Credit1764100100000,
];

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

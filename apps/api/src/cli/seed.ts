import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { ConfigError, loadConfig } from '../config/config';
import { CoreModule } from '../app/core.module';
import { Db } from '../db/db';
import type { Principal } from '../modules/access/principal';
import { BusinessesModule } from '../modules/businesses/businesses.module';
import { BusinessesService } from '../modules/businesses/businesses.service';
import { IdentityModule } from '../modules/identity/identity.module';
import { LenderOrganisationsRepository } from '../modules/identity/lender-organisations.repository';
import { hashPassword } from '../modules/identity/passwords';
import { UsersRepository } from '../modules/identity/users.repository';
import { CatalogModule } from '../modules/catalog/catalog.module';
import { CreditNotesModule } from '../modules/credit-notes/credit-notes.module';
import { InventoryModule } from '../modules/inventory/inventory.module';
import { ReorderModule } from '../modules/inventory/reorder/reorder.module';
import { InvoicesModule } from '../modules/invoices/invoices.module';
import { LedgerModule } from '../modules/ledger/ledger.module';
import { PaymentsModule } from '../modules/payments/payments.module';
import { PurchasingModule } from '../modules/purchasing/purchasing.module';
import { SalesModule } from '../modules/sales/sales.module';
import { DemoBusinessBuilder, type DemoSummary } from './demo/demo';
import { buildPlans } from './demo/scenario';

export const DEMO_PASSWORD = 'keeper-demo-2026';
export const DEMO_OWNER = 'owner@demo.keeper.test';
export const DEMO_LENDER = 'lender@demo.keeper.test';

/**
 * The quick start's demo: an owner with three businesses, each with 24 months of history up to
 * today (a steady tea merchant, a thriving bicycle shop, a declining print shop), and a lender
 * organisation with a user. Built through the same services the app uses; running it again
 * changes nothing. `history: false` makes only the people and organisations (for tests that need
 * the demo accounts but not two years of books).
 */
export async function seedDemo(env: Record<string, string | undefined> = process.env, opts: { history?: boolean } = {}) {
  const config = loadConfig(env);
  @Module({
    imports: [
      CoreModule.forRoot(config, 'worker'),
      IdentityModule,
      BusinessesModule,
      LedgerModule,
      CatalogModule,
      InventoryModule,
      ReorderModule,
      InvoicesModule,
      PaymentsModule,
      CreditNotesModule,
      SalesModule,
      PurchasingModule,
    ],
  })
  class SeedModule {}
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const db = app.get(Db);
    const users = app.get(UsersRepository);
    const lenders = app.get(LenderOrganisationsRepository);
    const businesses = app.get(BusinessesService);
    const passwordHash = await hashPassword(DEMO_PASSWORD);

    const ensureUser = (email: string, name: string) =>
      db.account(null, async (tx) => {
        const existing = await users.findByEmail(tx, email);
        return existing ?? (await users.insert(tx, { email, name, passwordHash, locale: 'en' }))!;
      });

    const owner = await ensureUser(DEMO_OWNER, 'Mei Chen');
    const principal = { userId: owner.id, email: owner.email, name: owner.name } as Principal;
    const has = async (name: string) =>
      (await db.account(owner.id, (tx) => users.businessesOf(tx, owner.id))).some((b: { name: string }) => b.name === name);
    const built: DemoSummary[] = [];
    const plans = buildPlans(demoToday());
    if (opts.history === false) {
      if (!(await has(plans[0].name))) {
        await businesses.create(principal, { name: plans[0].name, baseCurrency: plans[0].baseCurrency, country: plans[0].country, timezone: plans[0].timezone });
      }
    } else {
      const builder = new DemoBusinessBuilder(app);
      // Side by side: each business is its own transaction, and most of the time is PostgreSQL's.
      const missing = [];
      for (const plan of plans) if (!(await has(plan.name))) missing.push(plan);
      built.push(...(await Promise.all(missing.map((plan) => builder.build(principal, plan, demoToday())))));
    }

    const analyst = await ensureUser(DEMO_LENDER, 'Daniel Okafor');
    await db.account(null, async (tx) => {
      const lenderId =
        (await lenders.findByName(tx, 'Harbour Capital')) ??
        (await lenders.create(tx, { name: 'Harbour Capital', legalName: 'Harbour Capital Ltd', country: 'HK' }));
      await lenders.describe(tx, lenderId, {
        en: 'Lends to small businesses in Hong Kong and mainland China: working-capital loans and invoice financing from HK$50,000, with a decision within two working days.',
        zh: '为香港及中国内地的小企业提供流动资金贷款和发票融资，额度 5 万港元起，两个工作日内给出审批结果。',
      });
      await lenders.addMember(tx, lenderId, analyst.id, 'admin');
    });
    return { owner: DEMO_OWNER, lender: DEMO_LENDER, password: DEMO_PASSWORD, built };
  } finally {
    await app.close();
  }
}

/**
 * The last day of the history: today where the earliest of the demo businesses' time zones is,
 * so no business ever has a document dated in its own future.
 */
function demoToday(): string {
  const zones = ['Asia/Shanghai', 'America/Los_Angeles', 'Asia/Hong_Kong'];
  return zones.map((timeZone) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date())).sort()[0];
}

if (require.main === module) {
  seedDemo(process.env, { history: !process.argv.includes('--no-history') })
    .then((s) => {
      for (const b of s.built) console.log(`  ${b.name}: ${Object.entries(b.counts).map(([k, v]) => `${v} ${k}`).join(', ')} (${Math.round(b.ms / 100) / 10} s)`);
      console.log(`Demo data ready: owner ${s.owner}, lender ${s.lender}, password ${s.password}`);
    })
    .catch((e) => {
      console.error(e instanceof ConfigError ? e.message : `Seeding failed: ${(e as Error).message}`);
      process.exit(1);
    });
}

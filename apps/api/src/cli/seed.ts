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

export const DEMO_PASSWORD = 'keeper-demo-2026';
export const DEMO_OWNER = 'owner@demo.keeper.test';
export const DEMO_LENDER = 'lender@demo.keeper.test';

/**
 * The quick start's demo: a business with its owner, a lender organisation with a user. Built
 * through the same services the app uses; running it again changes nothing.
 */
export async function seedDemo(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig(env);
  @Module({ imports: [CoreModule.forRoot(config, 'worker'), IdentityModule, BusinessesModule] })
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
    const me = await db.account(owner.id, (tx) => users.businessesOf(tx, owner.id));
    if (!me.some((b: { name: string }) => b.name === 'Lotus Tea House')) {
      const principal = { userId: owner.id, email: owner.email, name: owner.name } as Principal;
      await businesses.create(principal, {
        name: 'Lotus Tea House',
        baseCurrency: 'CNY',
        country: 'CN',
        timezone: 'Asia/Shanghai',
      });
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
    return { owner: DEMO_OWNER, lender: DEMO_LENDER, password: DEMO_PASSWORD };
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  seedDemo()
    .then((s) => console.log(`Demo data ready: owner ${s.owner}, lender ${s.lender}, password ${s.password}`))
    .catch((e) => {
      console.error(e instanceof ConfigError ? e.message : `Seeding failed: ${(e as Error).message}`);
      process.exit(1);
    });
}

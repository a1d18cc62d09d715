import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { Client } from 'pg';
import { createHttpApp } from '../src/app/http-app';
import { loadConfig, type AppConfig } from '../src/config/config';
import { migrate } from '../src/cli/migrate';
import { setupDatabase } from '../src/cli/db-setup';
import { TEST_DB, testEnv } from './test-env';

/**
 * A database of the suite's own, for tests whose subject is global state (the outbox relay drains
 * every tenant's rows, so rows left by other suites would queue ahead of the test's own).
 */
export async function privateDatabase(name: string): Promise<Record<string, string>> {
  const database = `${TEST_DB}_${name}`;
  const urls = {
    DATABASE_URL: `postgres://keeper_app@127.0.0.1:5432/${database}`,
    MIGRATION_DATABASE_URL: `postgres://keeper_owner@127.0.0.1:5432/${database}`,
  };
  await setupDatabase(testEnv(urls), database, { reset: true });
  await migrate(testEnv(urls));
  return { ...urls, DATABASE_NAME: database };
}

export interface Api {
  app: INestApplication;
  config: AppConfig;
  close(): Promise<void>;
}

export async function startApi(overrides: Record<string, string> = {}): Promise<Api> {
  const config = loadConfig(testEnv(overrides));
  const app = await createHttpApp(config, { logger: false });
  await app.init();
  return { app, config, close: () => app.close() };
}

/** A signed-in browser-like client: keeps cookies and sends the CSRF header on mutations. */
export class Session {
  csrf = '';
  user!: { id: string; email: string; name: string };

  constructor(readonly agent: TestAgent) {}

  private withHeaders(req: request.Test, key?: string) {
    req.set('X-CSRF-Token', this.csrf);
    if (key) req.set('Idempotency-Key', key);
    return req;
  }

  get(path: string) {
    return this.agent.get(path);
  }
  post(path: string, body?: object, key?: string) {
    return this.withHeaders(this.agent.post(path), key).send(body ?? {});
  }
  put(path: string, body?: object, key?: string) {
    return this.withHeaders(this.agent.put(path), key).send(body ?? {});
  }
  patch(path: string, body?: object, key?: string) {
    return this.withHeaders(this.agent.patch(path), key).send(body ?? {});
  }
  delete(path: string, key?: string) {
    return this.withHeaders(this.agent.delete(path), key);
  }

  captureCsrf(res: request.Response) {
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const csrf = cookies.find((c) => c.startsWith('keeper_csrf='));
    if (csrf) this.csrf = decodeURIComponent(csrf.split(';')[0].slice('keeper_csrf='.length));
  }
}

export const PASSWORD = 'correct horse battery staple';

export async function signUp(api: Api, name = 'Test Owner'): Promise<Session> {
  const session = new Session(request.agent(api.app.getHttpServer()));
  const email = `${randomUUID()}@example.test`;
  const res = await session.agent.post('/api/auth/sign-up').send({ email, password: PASSWORD, name }).expect(201);
  session.captureCsrf(res);
  session.user = res.body.user;
  return session;
}

export async function createBusiness(s: Session, name = 'Test Business'): Promise<string> {
  const res = await s.post('/api/businesses', { name, baseCurrency: 'USD', country: 'US' }).expect(201);
  return res.body.id;
}

/** Invites a new user with the role and has them accept; returns their session. */
export async function addMember(api: Api, owner: Session, businessId: string, role: string): Promise<Session> {
  const member = await signUp(api, `Member ${role}`);
  const inv = await owner
    .post(`/api/businesses/${businessId}/invitations`, { email: member.user.email, role })
    .expect(201);
  const token = new URL(inv.body.acceptUrl).pathname.split('/').pop()!;
  await member.post(`/api/invitations/${token}/accept`).expect(200);
  return member;
}

/** Rows of one statement run as the superuser (a test's look behind the API), on its own connection. */
export async function sqlRows(text: string, params: unknown[] = [], database = TEST_DB): Promise<any[]> {
  const db = await sqlAs('postgres', database);
  try {
    return (await db.query(text, params)).rows;
  } finally {
    await db.end();
  }
}

/** A direct connection as a given role (for SQL-level checks of RLS and grants). */
export async function sqlAs(role: 'keeper_app' | 'keeper_owner' | 'postgres', database = TEST_DB): Promise<Client> {
  const client = new Client({ connectionString: `postgres://${role}@127.0.0.1:5432/${database}` });
  await client.connect();
  return client;
}

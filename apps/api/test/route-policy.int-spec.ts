import request from 'supertest';
import { buildOpenApiDocument } from '../src/cli/openapi';
import { Api, startApi } from './harness';

// Routes anyone may call. Everything else must refuse a caller without a session.
const PUBLIC = new Set([
  'GET /health',
  'GET /ready',
  'POST /api/auth/sign-up',
  'POST /api/auth/sign-in',
  'GET /api/invitations/{token}',
  'GET /api/public/invoices/{token}',
  'GET /api/public/invoices/{token}/pdf',
  'GET /api/public/quotes/{token}',
]);

describe('access policy on every route', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('answers 401 to a signed-out caller on every route that is not deliberately public', async () => {
    const doc = await buildOpenApiDocument();
    const seen: string[] = [];
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const method of Object.keys(operations)) {
        const route = `${method.toUpperCase()} ${template}`;
        seen.push(route);
        if (PUBLIC.has(route)) continue;
        const path = template.replace(/\{(\w+)\}/g, '00000000-0000-4000-8000-000000000000');
        const http = request(api.app.getHttpServer()) as unknown as Record<string, (p: string) => request.Test>;
        const res = await http[method](path).send({});
        expect({ route, status: res.status, code: res.body?.error?.code }).toEqual({
          route,
          status: 401,
          code: 'UNAUTHENTICATED',
        });
      }
    }
    // The public list must not silently cover routes that no longer exist.
    for (const route of PUBLIC) expect(seen).toContain(route);
  });
});

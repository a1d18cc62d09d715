import { loadConfig } from './config';

describe('loadConfig', () => {
  it('has working local defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toContain('keeper_app');
    expect(c.COOKIE_SECURE).toBe(false);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ REDIS_URL: 'http://x' })).toThrow(/REDIS_URL: must be a URL starting with redis:/);
  });

  it('requires SMTP_URL when SMTP is chosen', () => {
    expect(() => loadConfig({ MAIL_TRANSPORT: 'smtp' })).toThrow(/SMTP_URL/);
  });

  it('marks cookies Secure when the web origin is https', () => {
    expect(loadConfig({ WEB_ORIGIN: 'https://app.example.com' }).COOKIE_SECURE).toBe(true);
  });
});

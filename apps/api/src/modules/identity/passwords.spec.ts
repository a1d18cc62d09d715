import { hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hashes with argon2id at >= 19 MiB and t >= 2, and verifies', async () => {
    const h = await hashPassword('correct horse battery');
    const [, alg, , params] = h.split('$');
    expect(alg).toBe('argon2id');
    const m = Number(/m=(\d+)/.exec(params)![1]);
    const t = Number(/t=(\d+)/.exec(params)![1]);
    expect(m).toBeGreaterThanOrEqual(19 * 1024);
    expect(t).toBeGreaterThanOrEqual(2);
    await expect(verifyPassword(h, 'correct horse battery')).resolves.toBe(true);
    await expect(verifyPassword(h, 'correct horse batterx')).resolves.toBe(false);
  });

  it('refuses when there is no account, after doing the same work', async () => {
    await expect(verifyPassword(null, 'anything at all')).resolves.toBe(false);
  });
});

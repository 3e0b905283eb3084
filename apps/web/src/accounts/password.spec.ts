import { dummyPasswordHash, hashPassword, verifyPassword } from './password';

describe('passwords', () => {
  it('verifies a password against its own hash only', async () => {
    const stored = await hashPassword('desk-secret-2026');
    expect(await verifyPassword('desk-secret-2026', stored)).toBe(true);
    expect(await verifyPassword('desk-secret-2027', stored)).toBe(false);
  });

  it('makes one dummy hash, shaped like a real one, that no guess matches', async () => {
    const dummy = await dummyPasswordHash();
    expect(await dummyPasswordHash()).toBe(dummy);
    expect(dummy.split('$').map((part, i) => (i === 0 ? part : Buffer.from(part, 'base64').length))).toEqual(['scrypt', 16, 64]);
    expect(await verifyPassword('', dummy)).toBe(false);
  });
});

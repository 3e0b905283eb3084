import type { PrivacySettings } from '@lingong/config';
import { ResidentIdHasher } from './resident-id.hasher';

const settings = (key: string) => ({ RESIDENT_ID_KEY: key }) as PrivacySettings;

describe('ResidentIdHasher', () => {
  const hasher = new ResidentIdHasher(settings('k'.repeat(32)));

  it('keeps a 64-hex keyed hash and the last four characters, never the number', () => {
    const kept = hasher.protect('11010519491231002X');
    expect(kept.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(kept.last4).toBe('002X');
    expect(JSON.stringify(kept)).not.toContain('110105');
  });

  it('gives one person one hash however the check character is typed', () => {
    expect(hasher.protect('11010519491231002x')).toEqual(hasher.protect(' 11010519491231002X '));
  });

  it('depends on the key, so the hash cannot be recomputed from the ID alone', () => {
    expect(new ResidentIdHasher(settings('o'.repeat(32))).protect('11010519491231002X').hash).not.toBe(
      hasher.protect('11010519491231002X').hash,
    );
  });
});

import { openSealedText, sealText } from './sealed-text';

describe('sealed text', () => {
  const secret = 'local-development-secret-change-me-0123456789';

  it('opens what it sealed, and the sealed form does not contain the text', () => {
    const sealed = sealText(secret, '123456');
    expect(sealed).not.toContain('123456');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(openSealedText(secret, sealed)).toBe('123456');
  });

  it('seals the same text differently each time', () => {
    expect(sealText(secret, '123456')).not.toBe(sealText(secret, '123456'));
  });

  it('opens nothing under another key, altered, or malformed', () => {
    const sealed = sealText(secret, '123456');
    expect(openSealedText('another-secret-of-at-least-32-characters', sealed)).toBeNull();
    const [version, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(openSealedText(secret, [version, iv, tag, flipped.toString('base64url')].join('.'))).toBeNull();
    for (const bad of ['', '123456', 'v1..', 'v2.a.b.c', 'v1.é.é.é']) expect(openSealedText(secret, bad)).toBeNull();
  });
});

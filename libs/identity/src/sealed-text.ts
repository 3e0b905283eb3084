import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Short secrets that must travel or rest where others can read (a sign-in code in the outbox, on
 * the queue, in the SMS log) are sealed: AES-256-GCM under a key derived from JWT_SECRET for this
 * one purpose. Every app holds JWT_SECRET; a leaked table or queue alone reveals nothing.
 */
const VERSION = 'v1';

function keyFor(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'lingong', 'sealed sign-in codes', 32));
}

export function sealText(secret: string, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret), iv);
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** The text sealed under `secret`, or null when it was sealed under another key or altered. */
export function openSealedText(secret: string, sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

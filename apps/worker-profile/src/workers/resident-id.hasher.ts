import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthSettings } from '@lingong/config';
import { normalizeResidentId } from '@lingong/domain';

export interface ProtectedResidentId {
  hash: string;
  last4: string;
}

/**
 * DESIGN.md: a resident ID is stored as a keyed hash plus its last four characters, never whole.
 * HMAC-SHA256 rather than a plain hash, since the ID space is small enough to enumerate; the key is
 * the JWT secret, so rotating that secret orphans stored hashes (duplicates are then missed).
 */
@Injectable()
export class ResidentIdHasher {
  constructor(private readonly auth: AuthSettings) {}

  /** The ID has been validated (IsResidentId); normalising makes `…x` and `…X` one person. */
  protect(residentId: string): ProtectedResidentId {
    const id = normalizeResidentId(residentId) ?? residentId.trim().toUpperCase();
    return { hash: createHmac('sha256', this.auth.JWT_SECRET).update(id).digest('hex'), last4: id.slice(-4) };
  }
}

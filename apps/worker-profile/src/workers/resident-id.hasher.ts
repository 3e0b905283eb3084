import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PrivacySettings } from '@lingong/config';
import { normalizeResidentId } from '@lingong/domain';

export interface ProtectedResidentId {
  hash: string;
  last4: string;
}

/**
 * DESIGN.md: a resident ID is stored as a keyed hash plus its last four characters, never whole.
 * HMAC-SHA256 rather than a plain hash, since the ID space is small enough to enumerate; the key
 * (RESIDENT_ID_KEY) is kept apart from every other secret so none of their rotations orphan the hashes.
 */
@Injectable()
export class ResidentIdHasher {
  constructor(private readonly privacy: PrivacySettings) {}

  /** The ID has been validated (IsResidentId); normalising makes `…x` and `…X` one person. */
  protect(residentId: string): ProtectedResidentId {
    const id = normalizeResidentId(residentId) ?? residentId.trim().toUpperCase();
    return { hash: createHmac('sha256', this.privacy.RESIDENT_ID_KEY).update(id).digest('hex'), last4: id.slice(-4) };
  }
}

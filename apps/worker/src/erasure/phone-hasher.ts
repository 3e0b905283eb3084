import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PrivacySettings } from '@lingong/config';

/**
 * A keyed hash of a phone, so an erased phone can be recognised for a while without being kept.
 * Keyed with RESIDENT_ID_KEY under its own label: the phone space is small enough to enumerate,
 * so a plain hash would be the phone in disguise.
 */
@Injectable()
export class PhoneHasher {
  constructor(private readonly privacy: PrivacySettings) {}

  hash(phone: string): string {
    return createHmac('sha256', this.privacy.RESIDENT_ID_KEY).update(`erased-phone:${phone}`).digest('hex');
  }
}

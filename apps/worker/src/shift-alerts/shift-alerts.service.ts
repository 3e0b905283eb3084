import { Injectable } from '@nestjs/common';
import { SmsSettings } from '@lingong/config';
import { smsTemplates } from '@lingong/sms';
import { NotificationsService } from '../notifications/notifications.service';
import { ShiftAlertsRepository } from './shift-alerts.repository';

/**
 * When a shift opens, seekers on its street whose skills fit hear about it by SMS. "Fit" means
 * holding every required skill, or the shift's category when it names none.
 */
@Injectable()
export class ShiftAlertsService {
  constructor(
    private readonly alerts: ShiftAlertsRepository,
    private readonly notifications: NotificationsService,
    private readonly settings: SmsSettings,
  ) {}

  async alertSeekers(eventId: string, shiftId: string): Promise<number> {
    const shift = await this.alerts.openShift(shiftId);
    if (!shift) return 0; // cancelled, filled or started since: nothing to announce
    const skills = shift.requiredSkills.length > 0 ? shift.requiredSkills : [shift.category];
    const phones = await this.alerts.phonesToAlert(eventId, shift.street, skills, this.settings.SMS_ALERTS_PER_PHONE_PER_DAY);
    const text = smsTemplates.shiftAlert(shift);
    return this.notifications.send(
      phones.map((phone) => ({
        dedupeKey: `${eventId}:${phone}:shift_alert`,
        phone,
        kind: 'shift_alert',
        text,
        urgent: false,
        causedAt: shift.publishedAt,
        mattersUntil: shift.startsAt,
      })),
    );
  }
}

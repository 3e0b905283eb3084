import { Module } from '@nestjs/common';
import {
  OfferSettings,
  OutboxSettings,
  PrivacySettings,
  ReminderSettings,
  ServiceUrlSettings,
  SmsSettings,
  SweepSettings,
} from '@lingong/config';
import { DatabaseModule } from '@lingong/database';
import { PlatformModule } from '@lingong/platform';
import { QueueModule, QueueName } from '@lingong/queue';
import { SmsModule } from '@lingong/sms';
import { NoticeFactsRepository } from './booking-notices/notice-facts.repository';
import { BookingNoticesService } from './booking-notices/booking-notices.service';
import { ErasureRepository } from './erasure/erasure.repository';
import { ErasureService } from './erasure/erasure.service';
import { PhoneHasher } from './erasure/phone-hasher';
import { QueuedJobsRepository } from './erasure/queued-jobs.repository';
import { DomainEventsProcessor } from './events/domain-events.processor';
import { KioskBoardProcessor } from './kiosk/kiosk-board.processor';
import { KioskFeedRepository } from './kiosk/kiosk-feed.repository';
import { KioskFeedService } from './kiosk/kiosk-feed.service';
import { NotificationsProcessor, UrgentSmsProcessor } from './notifications/notifications.processor';
import { NotificationsRepository } from './notifications/notifications.repository';
import { NotificationsService } from './notifications/notifications.service';
import { UrgentWork } from './notifications/urgent-work';
import { OfferExpiryProcessor } from './offers/offer-expiry.processor';
import { OfferNoticesService } from './offers/offer-notices.service';
import { OutboxRepository } from './outbox-relay/outbox.repository';
import { OutboxRelayService } from './outbox-relay/outbox-relay.service';
import { BookingRemindersProcessor } from './reminders/booking-reminders.processor';
import { BookingRemindersService } from './reminders/booking-reminders.service';
import { SchedulesService } from './schedules/schedules.service';
import { ServicesClient } from './services-client/services.client';
import { ShiftAlertsRepository } from './shift-alerts/shift-alerts.repository';
import { ShiftAlertsService } from './shift-alerts/shift-alerts.service';
import { SweepProcessor } from './sweep/sweep.processor';
import { SweepRepository } from './sweep/sweep.repository';
import { SweepService } from './sweep/sweep.service';
import { workerEntities } from './worker.entities';

/** Background work: the outbox relay, reactions to domain events (erasures among them), reminders, SMS sending, the sweep of work left behind, and the kiosk boards' feed. */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'worker',
      settings: [OutboxSettings, SmsSettings, ServiceUrlSettings, ReminderSettings, PrivacySettings, OfferSettings, SweepSettings],
    }),
    DatabaseModule.forRoot(workerEntities),
    QueueModule.forRoot(Object.values(QueueName)),
    SmsModule,
  ],
  providers: [
    OutboxRepository,
    OutboxRelayService,
    DomainEventsProcessor,
    NoticeFactsRepository,
    BookingNoticesService,
    BookingRemindersService,
    BookingRemindersProcessor,
    ShiftAlertsRepository,
    ShiftAlertsService,
    NotificationsRepository,
    NotificationsService,
    NotificationsProcessor,
    UrgentWork,
    UrgentSmsProcessor,
    SchedulesService,
    ServicesClient,
    OfferNoticesService,
    OfferExpiryProcessor,
    ErasureService,
    ErasureRepository,
    QueuedJobsRepository,
    PhoneHasher,
    SweepRepository,
    SweepService,
    SweepProcessor,
    KioskFeedService,
    KioskFeedRepository,
    KioskBoardProcessor,
  ],
})
export class WorkerModule {}

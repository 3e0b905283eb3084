import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MarketRuleSettings } from '@lingong/config';
import { DatabaseModule } from '@lingong/database';
import { PlatformModule } from '@lingong/platform';
import { QueueModule, QueueName } from '@lingong/queue';
import { PartiesService } from './access/parties.service';
import { ApplicationsController } from './applications/applications.controller';
import { ApplicationsRepository } from './applications/applications.repository';
import { ApplicationsService } from './applications/applications.service';
import { BookingLifecycleService } from './bookings/booking-lifecycle.service';
import { BookingQueriesService } from './bookings/booking-queries.service';
import { BookingsController } from './bookings/bookings.controller';
import { BookingsRepository } from './bookings/bookings.repository';
import { BookingsService } from './bookings/bookings.service';
import { InternalBookingsController } from './bookings/internal/internal-bookings.controller';
import { EmployerDeskController, ShiftDeskController } from './employer-desk/employer-desk.controller';
import { EmployerDeskRepository } from './employer-desk/employer-desk.repository';
import { EmployerDeskService } from './employer-desk/employer-desk.service';
import { ReferralSlipController } from './bookings/slip/referral-slip.controller';
import { ReferralSlipRepository } from './bookings/slip/referral-slip.repository';
import { EmployersController } from './employers/employers.controller';
import { EmployersRepository } from './employers/employers.repository';
import { EmployersService } from './employers/employers.service';
import { jobPostingEntities } from './job-posting.entities';
import { InternalKioskController } from './kiosk/internal-kiosk.controller';
import { KioskBoardRepository } from './kiosk/kiosk-board.repository';
import { KioskBoardService } from './kiosk/kiosk-board.service';
import { RatingsService } from './ratings/ratings.service';
import { ReportsController } from './reports/reports.controller';
import { ReportsService } from './reports/reports.service';
import { ReviewController } from './review/review.controller';
import { ReviewRepository } from './review/review.repository';
import { ReviewService } from './review/review.service';
import { SeekerErasureController } from './seekers/seeker-erasure.controller';
import { SeekerErasureRepository } from './seekers/seeker-erasure.repository';
import { SeekerErasureService } from './seekers/seeker-erasure.service';
import { SeekersRepository } from './seekers/seekers.repository';
import { ShiftBoardRepository } from './shifts/board/shift-board.repository';
import { ShiftBoardService } from './shifts/board/shift-board.service';
import { ShiftCancellationService } from './shifts/shift-cancellation.service';
import { ShiftEmployerController } from './shifts/employer-summary/shift-employer.controller';
import { ShiftEmployerRepository } from './shifts/employer-summary/shift-employer.repository';
import { ShiftClockProcessor } from './shifts/clock/shift-clock.processor';
import { ShiftsController } from './shifts/shifts.controller';
import { ShiftsRepository } from './shifts/shifts.repository';
import { ShiftsService } from './shifts/shifts.service';

/** Employers, shifts, applications, bookings, attendance and ratings. */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'job-posting', settings: [MarketRuleSettings] }),
    DatabaseModule.forRoot(jobPostingEntities),
    TypeOrmModule.forFeature(jobPostingEntities),
    QueueModule.forRoot([QueueName.shiftClock]),
  ],
  controllers: [
    EmployersController,
    ShiftsController,
    ApplicationsController,
    BookingsController,
    ReportsController,
    ReviewController,
    InternalBookingsController,
    SeekerErasureController,
    InternalKioskController,
    ShiftEmployerController,
    EmployerDeskController,
    ShiftDeskController,
    ReferralSlipController,
  ],
  providers: [
    PartiesService,
    SeekersRepository,
    EmployersService,
    EmployersRepository,
    ShiftsService,
    ShiftsRepository,
    ShiftBoardService,
    ShiftBoardRepository,
    ShiftCancellationService,
    ShiftClockProcessor,
    ApplicationsService,
    ApplicationsRepository,
    BookingsService,
    BookingsRepository,
    BookingLifecycleService,
    BookingQueriesService,
    ReferralSlipRepository,
    RatingsService,
    ReportsService,
    ReviewService,
    ReviewRepository,
    SeekerErasureService,
    SeekerErasureRepository,
    KioskBoardService,
    KioskBoardRepository,
    ShiftEmployerRepository,
    EmployerDeskService,
    EmployerDeskRepository,
  ],
})
export class JobPostingModule {}

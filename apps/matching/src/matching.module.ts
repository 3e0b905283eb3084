import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OfferSettings, ServiceUrlSettings, SmsSettings } from '@lingong/config';
import { DatabaseModule } from '@lingong/database';
import { PlatformModule } from '@lingong/platform';
import { BookingsClient } from './bookings-client/bookings.client';
import { CandidatesController } from './candidates/candidates.controller';
import { CandidatesRepository } from './candidates/candidates.repository';
import { CandidatesService } from './candidates/candidates.service';
import { SeekerPool } from './candidates/seeker-pool';
import { DispatchController } from './dispatch/dispatch.controller';
import { DispatchService } from './dispatch/dispatch.service';
import { InternalDispatchController } from './dispatch/internal-dispatch.controller';
import { InternalFairnessController } from './candidates/internal-fairness.controller';
import { matchingEntities } from './matching.entities';
import { InboundSmsController } from './offers/inbound-sms.controller';
import { GatewayMessagesRepository } from './offers/gateway-messages.repository';
import { InboundSmsService } from './offers/inbound-sms.service';
import { OpenQuestionsRepository } from './offers/open-questions.repository';
import { InternalOffersController } from './offers/internal-offers.controller';
import { OffersController } from './offers/offers.controller';
import { OffersRepository } from './offers/offers.repository';
import { OffersService } from './offers/offers.service';
import { ReferralsController } from './referrals/referrals.controller';
import { MarketSeriesController } from './stats/market-series.controller';
import { MarketSeriesRepository } from './stats/market-series.repository';
import { MarketSeriesService } from './stats/market-series.service';
import { StatsController, StatsService } from './stats/stats.controller';
import { StatsRepository } from './stats/stats.repository';

/** Candidate retrieval and ranking with explanations, referrals, bulk dispatch and the market's figures. */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'matching', settings: [ServiceUrlSettings, OfferSettings, SmsSettings] }),
    DatabaseModule.forRoot(matchingEntities),
    TypeOrmModule.forFeature(matchingEntities),
  ],
  controllers: [
    CandidatesController,
    ReferralsController,
    DispatchController,
    StatsController,
    MarketSeriesController,
    OffersController,
    InboundSmsController,
    InternalOffersController,
    InternalDispatchController,
    InternalFairnessController,
  ],
  providers: [
    CandidatesService,
    CandidatesRepository,
    SeekerPool,
    BookingsClient,
    DispatchService,
    StatsService,
    StatsRepository,
    MarketSeriesService,
    MarketSeriesRepository,
    OffersService,
    OffersRepository,
    OpenQuestionsRepository,
    InboundSmsService,
    GatewayMessagesRepository,
  ],
})
export class MatchingModule {}

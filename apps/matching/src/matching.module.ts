import { Module } from '@nestjs/common';
import { DatabaseModule } from '@lingong/database';
import { PlatformModule } from '@lingong/platform';
import { CandidatesController } from './candidates/candidates.controller';
import { CandidatesRepository } from './candidates/candidates.repository';
import { CandidatesService } from './candidates/candidates.service';
import { StatsController, StatsService } from './stats/stats.controller';
import { StatsRepository } from './stats/stats.repository';

/** Candidate retrieval and ranking with explanations; offers and bulk dispatch come next. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'matching' }), DatabaseModule.forRoot([])],
  controllers: [CandidatesController, StatsController],
  providers: [CandidatesService, CandidatesRepository, StatsService, StatsRepository],
})
export class MatchingModule {}

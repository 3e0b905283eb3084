import { Module } from '@nestjs/common';
import { DatabaseModule } from '@lingong/database';
import { PlatformModule } from '@lingong/platform';
import { CandidatesController } from './candidates/candidates.controller';
import { CandidatesRepository } from './candidates/candidates.repository';
import { CandidatesService } from './candidates/candidates.service';

/** Candidate retrieval and ranking with explanations; offers and bulk dispatch come next. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'matching' }), DatabaseModule.forRoot([])],
  controllers: [CandidatesController],
  providers: [CandidatesService, CandidatesRepository],
})
export class MatchingModule {}

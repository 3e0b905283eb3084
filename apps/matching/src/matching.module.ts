import { Module } from '@nestjs/common';
import { DatabaseModule } from '@lingong/database';
import { PlatformModule } from '@lingong/platform';

/** Candidate retrieval and ranking with explanations, offers and bulk dispatch (routes arrive with the matching issue). */
@Module({
  imports: [PlatformModule.forRoot({ service: 'matching' }), DatabaseModule.forRoot([])],
})
export class MatchingModule {}

import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CurrentAccount, Roles, type SignedInAccount } from '@lingong/identity';
import { ApiErrors, ListOf, type List } from '@lingong/platform';
import { CandidatesService } from './candidates.service';
import { CandidateDto, RecommendationDto } from './dto/candidate-answer.dto';

export class LimitQuery {
  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

@ApiTags('matching')
@ApiBearerAuth()
@Controller('matching')
export class CandidatesController {
  constructor(private readonly candidates: CandidatesService) {}

  /** Ranked candidates for a shift with each score's parts and a sentence explaining each. */
  @ApiOperation({
    summary: 'Ranked candidates for a shift, best first',
    description:
      'Each score with its parts and a sentence explaining each. Employers see their own shifts’ candidates; nothing in an item reveals a priority group, income or hours.',
  })
  @ApiOkResponse({ type: ListOf(CandidateDto) })
  @ApiErrors(404, [409, 'SHIFT_NOT_OPEN'])
  @Roles('employer', 'staff')
  @Get('shifts/:id/candidates')
  async candidatesFor(
    @CurrentAccount() account: SignedInAccount,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: LimitQuery,
  ): Promise<List<CandidateDto>> {
    return { items: await this.candidates.forShift(account, id, query.limit ?? 20) };
  }

  @ApiOperation({
    summary: 'Open shifts that fit a seeker, best first (staff)',
    description: '职业介绍: for the person in front of the referral desk; each score with its parts explained as staff read them.',
  })
  @ApiOkResponse({ type: ListOf(RecommendationDto) })
  @ApiErrors(404)
  @Roles('staff')
  @Get('workers/:id/recommendations')
  async recommendationsAtDesk(@Param('id', ParseUUIDPipe) id: string, @Query() query: LimitQuery): Promise<List<RecommendationDto>> {
    return { items: await this.candidates.forSeekerAtDesk(id, query.limit ?? 20) };
  }

  @ApiOperation({ summary: 'Open shifts that fit the signed-in seeker, best first' })
  @ApiOkResponse({ type: ListOf(RecommendationDto) })
  @ApiErrors(404, [409, 'WORKER_PROFILE_REQUIRED'])
  @Roles('worker')
  @Get('workers/me/recommendations')
  async recommendations(@CurrentAccount() account: SignedInAccount, @Query() query: LimitQuery): Promise<List<RecommendationDto>> {
    return { items: await this.candidates.forMe(account, query.limit ?? 20) };
  }
}

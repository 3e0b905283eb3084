import { BadRequestException, Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIsoWithOffset } from '@lingong/domain';
import { Roles } from '@lingong/identity';
import { gini } from '@lingong/matching-engine';
import { Clock } from '@lingong/platform';
import { MarketOverviewDto } from './dto/market-overview-answer.dto';
import { StatsRepository } from './stats.repository';

export class StatsWindowQuery {
  @ApiPropertyOptional({ description: 'default: 30 days before `to`' })
  @IsOptional()
  @IsIsoWithOffset()
  from?: string;

  @ApiPropertyOptional({ description: 'default: now' })
  @IsOptional()
  @IsIsoWithOffset()
  to?: string;
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

@Injectable()
export class StatsService {
  constructor(
    private readonly stats: StatsRepository,
    private readonly clock: Clock,
  ) {}

  /** The figures staff watch, and whether work is spreading: Gini 0 is equal shares, 1 all to one person. */
  async overview(query: StatsWindowQuery): Promise<MarketOverviewDto> {
    const to = query.to ? new Date(query.to) : this.clock.now();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * 86_400_000);
    if (from >= to) throw new BadRequestException(['from must be before to']);
    const counts = await this.stats.counts(from, to);
    const work = await this.stats.workPerSeeker(from, to);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      shiftsPosted: counts.shiftsPosted,
      peopleNeeded: counts.peopleNeeded,
      bookings: counts.bookings,
      fillRate: counts.peopleNeeded === 0 ? null : round3(counts.placesFilled / counts.peopleNeeded),
      medianMinutesToFill: counts.medianMinutesToFill,
      seekersServed: counts.seekersServed,
      priorityServed: counts.priorityServed,
      hoursGini: round3(gini(work.map((seeker) => seeker.hours))),
      earningsGini: round3(gini(work.map((seeker) => seeker.earningsFen))),
    };
  }
}

@ApiTags('figures')
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @ApiOperation({ summary: 'The market’s figures over a window', description: 'Defaults to the 30 days before now.' })
  @ApiOkResponse({ type: MarketOverviewDto })
  @Roles('staff')
  @Get('overview')
  overview(@Query() query: StatsWindowQuery): Promise<MarketOverviewDto> {
    return this.stats.overview(query);
  }
}

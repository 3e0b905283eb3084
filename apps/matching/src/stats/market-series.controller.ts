import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Roles } from '@lingong/identity';
import { MarketSeriesDto, MonthReportDto } from './dto/market-series-answer.dto';
import { MarketSeriesService } from './market-series.service';

export class RecentDaysQuery {
  @ApiPropertyOptional({ type: 'integer', default: 30, minimum: 1, maximum: 92, description: 'market days, today included' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(92)
  days?: number;
}

export class MonthQuery {
  @ApiProperty({ example: '2026-11', pattern: '^20\\d\\d-(0[1-9]|1[0-2])$' })
  @Matches(/^20\d\d-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM, e.g. 2026-11' })
  month!: string;
}

@ApiTags('figures')
@ApiBearerAuth()
@Controller('stats')
export class MarketSeriesController {
  constructor(private readonly series: MarketSeriesService) {}

  @ApiOperation({
    summary: 'The office dashboard: the market’s last days',
    description:
      'Per market day: bookings, priority-group people served, the Gini of hours over the week before, SMS sent and failed; and fill rate per category and people served per group over the window.',
  })
  @ApiOkResponse({ type: MarketSeriesDto })
  @Roles('staff')
  @Get('daily')
  daily(@Query() query: RecentDaysQuery): Promise<MarketSeriesDto> {
    return this.series.recent(query.days ?? 30);
  }

  @ApiOperation({
    summary: 'A month’s report for the district',
    description: 'The overview, every day of the month, wages still owed for its work, and reports received.',
  })
  @ApiOkResponse({ type: MonthReportDto })
  @Roles('staff')
  @Get('month')
  month(@Query() query: MonthQuery): Promise<MonthReportDto> {
    return this.series.month(query.month);
  }
}

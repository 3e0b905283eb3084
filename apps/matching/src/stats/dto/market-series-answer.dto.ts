import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { priorityGroups, shiftCategoryCodes } from '@lingong/domain';
import { MarketOverviewDto } from './market-overview-answer.dto';

@ApiSchema({ name: 'MarketDay', description: 'One market day (Asia/Shanghai) of the dashboard.' })
export class MarketDayDto {
  @ApiProperty({ example: '2026-11-30', description: 'the market day, YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ type: 'integer', description: 'bookings made that day' })
  bookings!: number;

  @ApiProperty({ type: 'integer', description: 'distinct people in a priority group booked that day' })
  priorityServed!: number;

  @ApiProperty({ description: 'Gini of hours worked per active seeker over the 7 days ending that day (3 decimals)' })
  hoursGini7d!: number;

  @ApiProperty({ type: 'integer', description: 'SMS written that day and sent (or delivered)' })
  smsSent!: number;

  @ApiProperty({ type: 'integer', description: 'SMS written that day that failed or were given up' })
  smsFailed!: number;
}

@ApiSchema({ name: 'CategoryFill' })
export class CategoryFillDto {
  @ApiProperty({ enum: shiftCategoryCodes })
  category!: string;

  @ApiProperty({ type: 'integer', description: 'places of shifts published in the window and not cancelled' })
  needed!: number;

  @ApiProperty({ type: 'integer', description: 'of them, booked' })
  filled!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'filled ÷ needed, 3 decimals' })
  fillRate!: number | null;
}

@ApiSchema({ name: 'GroupServed' })
export class GroupServedDto {
  @ApiProperty({ enum: priorityGroups })
  group!: string;

  @ApiProperty({ type: 'integer', description: 'distinct people booked in the window' })
  people!: number;
}

@ApiSchema({
  name: 'MarketSeries',
  description: 'The office dashboard: the market’s days over a window, and fill and reach over all of it.',
})
export class MarketSeriesDto {
  @ApiProperty({ format: 'date-time' })
  from!: string;

  @ApiProperty({ format: 'date-time' })
  to!: string;

  @ApiProperty({ type: [MarketDayDto], description: 'every market day of the window, oldest first, zeros included' })
  days!: MarketDayDto[];

  @ApiProperty({ type: [CategoryFillDto], description: 'categories with places needed in the window' })
  categories!: CategoryFillDto[];

  @ApiProperty({ type: [GroupServedDto], description: 'every group, `none` included' })
  groups!: GroupServedDto[];
}

@ApiSchema({ name: 'UnpaidWages' })
export class UnpaidWagesDto {
  @ApiProperty({ type: 'integer' })
  bookings!: number;

  @ApiProperty({ type: 'integer', description: 'fen' })
  amountFen!: number;
}

@ApiSchema({ name: 'MonthReport', description: 'A month’s figures for the district: the overview, its days, and what is still owed.' })
export class MonthReportDto {
  @ApiProperty({ example: '2026-11' })
  month!: string;

  @ApiProperty({ type: MarketOverviewDto })
  overview!: MarketOverviewDto;

  @ApiProperty({ type: MarketSeriesDto })
  series!: MarketSeriesDto;

  @ApiProperty({ type: UnpaidWagesDto, description: 'work completed in the month, unpaid past its settle-by date as of now' })
  unpaidWages!: UnpaidWagesDto;

  @ApiProperty({ type: 'integer', description: 'reports about shifts received in the month' })
  reportsReceived!: number;
}

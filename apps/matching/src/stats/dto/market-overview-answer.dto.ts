import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'MarketOverview', description: 'The figures staff watch over a window, and whether work is spreading.' })
export class MarketOverviewDto {
  @ApiProperty({ format: 'date-time' })
  from!: string;

  @ApiProperty({ format: 'date-time' })
  to!: string;

  @ApiProperty({ type: 'integer', description: 'shifts published in the window' })
  shiftsPosted!: number;

  @ApiProperty({ type: 'integer', description: 'their headcounts added up' })
  peopleNeeded!: number;

  @ApiProperty({ type: 'integer', description: 'bookings made in the window' })
  bookings!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'places of those shifts filled ÷ peopleNeeded (3 decimals); null when none were needed',
  })
  fillRate!: number | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'median whole minutes from publishing to the booking that took the last place; null when none filled',
  })
  medianMinutesToFill!: number | null;

  @ApiProperty({ type: 'integer', description: 'distinct seekers booked in the window' })
  seekersServed!: number;

  @ApiProperty({ type: 'integer', description: 'of them, those in a priority group' })
  priorityServed!: number;

  @ApiProperty({ description: 'Gini of hours worked per seeker: 0 equal shares, 1 all to one person' })
  hoursGini!: number;

  @ApiProperty({ description: 'Gini of earnings per seeker' })
  earningsGini!: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { employmentTypes, longwanStreetNames, payUnits, settlements, shiftCategoryCodes } from '@lingong/domain';
import { kioskChangeTypes, type KioskChangeType, type KioskFigures as Figures, type KioskShift as Shift } from '@lingong/queue';

/*
 * The shapes of `GET /api/kiosk/stream`'s events, as OpenAPI schema components, so the kiosk page's
 * types come from the generated contract like every other page's. Each class implements the type
 * the worker and the front door exchange, so the schema cannot drift from what is sent.
 */

export class KioskPay {
  @ApiProperty({ description: 'Integer fen', example: 22000 })
  amountFen!: number;

  @ApiProperty({ enum: payUnits })
  unit!: Shift['pay']['unit'];

  @ApiProperty({ enum: settlements })
  settlement!: Shift['pay']['settlement'];
}

export class KioskShift implements Shift {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '仓库搬运 日结' })
  title!: string;

  @ApiProperty({ enum: shiftCategoryCodes })
  category!: Shift['category'];

  @ApiProperty({ enum: employmentTypes })
  employmentType!: Shift['employmentType'];

  @ApiProperty({ enum: longwanStreetNames })
  street!: string;

  @ApiProperty()
  address!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-02T08:00:00+08:00' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  endsAt!: string;

  @ApiProperty({ type: KioskPay })
  pay!: KioskPay;

  @ApiProperty({ minimum: 1, maximum: 500 })
  headcount!: number;

  @ApiProperty({ description: 'People still needed', minimum: 0 })
  remaining!: number;
}

export class KioskFigures implements Figures {
  @ApiProperty({ description: 'Shifts on the board: open, not started, of an employer not suspended' })
  openShifts!: number;

  @ApiProperty({ description: 'Places still to fill on those shifts' })
  peopleNeeded!: number;

  @ApiProperty({ description: 'Bookings made today (market day) and not cancelled' })
  bookedToday!: number;
}

/** `event: snapshot`: the board as it stands; sent first on every connection that cannot resume. */
export class KioskSnapshot {
  @ApiProperty({ type: [KioskShift], description: 'Soonest first; at most 500' })
  shifts!: KioskShift[];

  @ApiProperty({ type: KioskFigures, description: "Today's figures, of the street when the stream is for one" })
  figures!: KioskFigures;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

/** `event: shift.opened | shift.updated | shift.closed`: one change, with the figures after it. */
export class KioskChange {
  @ApiProperty({ enum: kioskChangeTypes, description: 'The SSE event name, repeated in the data' })
  type!: KioskChangeType;

  @ApiPropertyOptional({ type: KioskShift, description: 'The shift as the board shows it (absent on shift.closed)' })
  shift?: KioskShift;

  @ApiProperty({ format: 'uuid', description: 'Which shift changed' })
  shiftId!: string;

  @ApiProperty({ type: KioskFigures })
  figures!: KioskFigures;
}

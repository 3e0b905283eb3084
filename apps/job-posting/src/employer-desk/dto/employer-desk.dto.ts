import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIsoWithOffset, minimumWageTiers, type MinimumWageTier } from '@lingong/domain';
import { ApplicantDto } from '../../applications/dto/application-answer.dto';
import { BookingDto } from '../../bookings/dto/booking-answer.dto';
import { ShiftDto } from '../../shifts/dto/shift-answer.dto';

/** One of the employer's own shifts, in any status, with what waits for its decision. */
@ApiSchema({ name: 'MyShift' })
export class MyShiftDto extends ShiftDto {
  @ApiProperty({ type: 'integer', description: 'applications waiting for accept or reject' })
  pendingApplications!: number;
}

/** A person booked on the shift, as the employer may see them (docs/privacy.md), with the booking. */
@ApiSchema({ name: 'RosterEntry' })
export class RosterEntryDto {
  @ApiProperty({ type: BookingDto })
  booking!: BookingDto;

  @ApiProperty({
    type: ApplicantDto,
    nullable: true,
    description: 'full name and phone while booked with the employer; surname with 某 and a masked phone otherwise',
  })
  worker!: ApplicantDto | null;

  @ApiProperty({ description: 'the employer has rated this booking' })
  ratedByEmployer!: boolean;
}

@ApiSchema({ name: 'CancellationCostItem' })
export class CancellationCostItemDto {
  @ApiProperty({ format: 'uuid' })
  bookingId!: string;

  @ApiProperty({ description: 'within the late-cancellation window' })
  late!: boolean;

  @ApiProperty({ type: 'integer', description: 'compensation owed to this seeker, fen' })
  compensationFen!: number;
}

/** What cancelling the shift now would cost: the rule the cancellation itself applies. */
@ApiSchema({ name: 'CancellationCost' })
export class CancellationCostDto {
  @ApiProperty({ format: 'uuid' })
  shiftId!: string;

  @ApiProperty({ description: 'false once the shift has started, finished or been cancelled' })
  cancellable!: boolean;

  @ApiProperty({ description: 'some booked seeker would be owed compensation' })
  late!: boolean;

  @ApiProperty({ type: 'integer', description: 'total compensation owed, fen', example: 9600 })
  compensationFen!: number;

  @ApiProperty({ type: [CancellationCostItemDto] })
  bookings!: CancellationCostItemDto[];
}

/** The market's settings behind the rules a posting page explains (the rules themselves are libs/domain). */
@ApiSchema({ name: 'PostingRules' })
export class PostingRulesDto {
  @ApiProperty({ enum: minimumWageTiers, description: "Zhejiang's minimum-wage tier of the market" })
  minimumWageTier!: MinimumWageTier;

  @ApiProperty({ type: 'integer', description: 'an employer cancelling this close to the start owes compensation' })
  employerLateCancellationHours!: number;

  @ApiProperty({ type: 'integer', description: 'hours of pay owed for a late cancellation' })
  employerCancellationCompensationHours!: number;

  @ApiProperty({ type: 'integer', description: 'check-in opens this many minutes before the start' })
  checkInOpensMinutes!: number;
}

export class CopyShiftDto {
  @ApiPropertyOptional({
    description:
      'when the copy starts (ISO 8601 with offset); by default the same time a week on, or as many weeks as it takes to be in the future',
    example: '2026-12-09T08:00:00+08:00',
  })
  @IsOptional()
  @IsIsoWithOffset()
  startsAt?: string;
}

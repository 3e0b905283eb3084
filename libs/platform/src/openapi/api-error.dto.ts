import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'DispatchProblem', description: 'A rule a hand-changed dispatch plan breaks.' })
export class DispatchProblemDto {
  @ApiProperty({ enum: ['SHIFT_NOT_IN_PLAN', 'NOT_A_CANDIDATE', 'LISTED_TWICE', 'OVER_HEADCOUNT', 'OVERLAPPING_SHIFTS'] })
  code!: string;

  @ApiProperty({ format: 'uuid' })
  shiftId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  workerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'OVERLAPPING_SHIFTS: the other shift' })
  otherShiftId?: string;
}

/** The one error shape of the whole API (API.md), as `toApiError` writes it. */
@ApiSchema({ name: 'ApiError', description: 'Every error answer: `{statusCode, error, message[], code?}`, plus facts some codes add.' })
export class ApiErrorDto {
  @ApiProperty({ type: 'integer', example: 409 })
  statusCode!: number;

  @ApiProperty({ example: 'Conflict' })
  error!: string;

  @ApiProperty({
    type: [String],
    description: 'for people to read (Chinese first where a person sees it)',
    example: ['该零工已招满 / This shift is already full'],
  })
  message!: string[];

  @ApiPropertyOptional({ description: 'machine-readable, on business-rule failures', example: 'SHIFT_FULL' })
  code?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'OTP_RATE_LIMITED: seconds until another try is accepted' })
  retryAfterSeconds?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'BELOW_MINIMUM_WAGE: the minimum hourly wage that applies, in fen' })
  minimumFen?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'BELOW_MINIMUM_WAGE: what the pay works out at per hour, in fen' })
  effectiveFen?: number;

  @ApiPropertyOptional({ description: 'PART_TIME_HOURS_EXCEEDED (weekly): the hours the busiest week would reach' })
  hours?: number;

  @ApiPropertyOptional({ type: [String], description: 'SHIFT_NOT_OPEN from a dispatch plan: the shifts that are not open' })
  shiftIds?: string[];

  @ApiPropertyOptional({ type: [DispatchProblemDto], description: 'PLAN_ASSIGNMENT_INVALID: every rule the changed plan breaks' })
  problems?: DispatchProblemDto[];
}

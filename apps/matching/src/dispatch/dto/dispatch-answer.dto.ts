import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'DispatchAssignment' })
export class DispatchAssignmentDto {
  @ApiProperty({ format: 'uuid' })
  shiftId!: string;

  @ApiProperty({ format: 'uuid' })
  workerId!: string;

  @ApiProperty({ description: '0–100' })
  score!: number;
}

@ApiSchema({ name: 'UnfilledShift' })
export class UnfilledShiftDto {
  @ApiProperty({ format: 'uuid' })
  shiftId!: string;

  @ApiProperty({ type: 'integer', description: 'places the plan could not fill' })
  missing!: number;
}

@ApiSchema({ name: 'DispatchPlan', description: 'The assignment with the best total score (an exact solver), before anyone is booked.' })
export class DispatchPlanDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: [DispatchAssignmentDto] })
  assignments!: DispatchAssignmentDto[];

  @ApiProperty({ description: 'sum of the assignments’ scores, one decimal' })
  totalScore!: number;

  @ApiProperty({ type: [UnfilledShiftDto] })
  unfilled!: UnfilledShiftDto[];

  @ApiProperty({ description: 'what a greedy pass would have scored, one decimal' })
  greedyTotalScore!: number;

  @ApiProperty({ description: 'totalScore − greedyTotalScore' })
  improvementOverGreedy!: number;

  @ApiProperty({ enum: ['proposed', 'confirming', 'confirmed'] })
  status!: 'proposed' | 'confirming' | 'confirmed';
}

@ApiSchema({ name: 'DispatchFailure', description: 'An assignment job-posting refused to book, and why.' })
export class DispatchFailureDto {
  @ApiProperty({ format: 'uuid' })
  shiftId!: string;

  @ApiProperty({ format: 'uuid' })
  workerId!: string;

  @ApiProperty({ example: 'DOUBLE_BOOKING' })
  code!: string;
}

@ApiSchema({ name: 'DispatchConfirmation' })
export class DispatchConfirmationDto {
  @ApiProperty({ type: 'integer', description: 'people booked (and told by SMS)' })
  bookings!: number;

  @ApiProperty({
    enum: ['confirmed', 'confirming'],
    description: '`confirming` while some of job-posting\'s answers are unknown (a lost answer, a crash): confirm again, and only what is missing is booked',
  })
  status!: 'confirmed' | 'confirming';

  @ApiProperty({ type: [DispatchFailureDto] })
  failed!: DispatchFailureDto[];
}

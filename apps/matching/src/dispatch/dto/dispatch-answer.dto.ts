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

  @ApiProperty({
    enum: ['no_candidates', 'candidates_not_placed', 'too_few_candidates', 'candidates_placed_elsewhere'],
    description:
      'no_candidates: nobody is eligible; candidates_not_placed: some eligible people are free at those hours but left out (by hand, or by the solver’s rule on chained overlapping shifts); too_few_candidates: fewer eligible people than places; candidates_placed_elsewhere: they are all on overlapping shifts of this plan',
  })
  reason!: string;

  @ApiProperty({ type: 'integer', description: 'people eligible for the shift' })
  candidates!: number;
}

@ApiSchema({ name: 'DispatchShift', description: 'A shift of the plan, as staff read it beside the assignments.' })
export class DispatchShiftDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '仓库搬运 日结' })
  title!: string;

  @ApiProperty({ example: '永中街道' })
  street!: string;

  @ApiProperty({ format: 'date-time' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  endsAt!: string;

  @ApiProperty({ type: 'integer', description: 'places the plan fills' })
  remaining!: number;
}

@ApiSchema({ name: 'DispatchPerson', description: 'Someone named in the plan (staff see names; phones masked).' })
export class DispatchPersonDto {
  @ApiProperty({ format: 'uuid' })
  workerId!: string;

  @ApiProperty({ example: '王建国' })
  name!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '138****5678',
    description: 'null for someone without a phone (registered at the desk)',
  })
  phoneMasked!: string | null;
}

@ApiSchema({ name: 'DispatchOption' })
export class DispatchOptionDto {
  @ApiProperty({ format: 'uuid' })
  shiftId!: string;

  @ApiProperty({ description: '0–100, one decimal' })
  score!: number;
}

@ApiSchema({ name: 'UnplacedPerson', description: 'An eligible person the plan leaves out, and why.' })
export class UnplacedPersonDto {
  @ApiProperty({ format: 'uuid' })
  workerId!: string;

  @ApiProperty({
    enum: ['shifts_full', 'not_chosen'],
    description: 'shifts_full: every shift they could take is full; not_chosen: a place is open but they were left out',
  })
  reason!: 'shifts_full' | 'not_chosen';

  @ApiProperty({ type: [DispatchOptionDto], description: 'the plan’s shifts they are eligible for, best score first' })
  options!: DispatchOptionDto[];
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

  @ApiProperty({ type: [DispatchShiftDto] })
  shifts!: DispatchShiftDto[];

  @ApiProperty({
    type: [DispatchAssignmentDto],
    description: 'per shift, the best 20 candidates (and anyone placed), to choose from by hand',
  })
  candidates!: DispatchAssignmentDto[];

  @ApiProperty({ type: [UnplacedPersonDto], description: 'eligible people left out, best first (at most 100)' })
  unplaced!: UnplacedPersonDto[];

  @ApiProperty({ type: 'integer', description: 'all eligible people left out' })
  unplacedCount!: number;

  @ApiProperty({ type: [DispatchPersonDto], description: 'everyone named above' })
  people!: DispatchPersonDto[];

  @ApiProperty({ description: 'the solver’s best total; differs from totalScore once staff change the plan by hand' })
  solverTotalScore!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when staff last changed the plan by hand' })
  editedAt!: string | null;

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
    description:
      "`confirming` while some of job-posting's answers are unknown (a lost answer, a crash): confirm again, and only what is missing is booked",
  })
  status!: 'confirmed' | 'confirming';

  @ApiProperty({ type: [DispatchFailureDto] })
  failed!: DispatchFailureDto[];
}

import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { payUnits, settlements, shiftCategoryCodes, type PayUnit } from '@lingong/domain';

@ApiSchema({ name: 'ScoreBreakdown', description: 'Points per part, already weighted; they add up to `score`.' })
export class ScoreBreakdownDto {
  @ApiProperty() skill!: number;
  @ApiProperty() distance!: number;
  @ApiProperty() availability!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null to an employer: it would reveal the expected pay' })
  pay!: number | null;
  @ApiProperty() reliability!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'null to an employer: it would reveal recent work, earnings or a priority group',
  })
  fairness!: number | null;
}

@ApiSchema({ name: 'ScoreExplanations', description: 'One Chinese sentence per part saying why it scored so.' })
export class ScoreExplanationsDto {
  @ApiProperty() skill!: string;
  @ApiProperty() distance!: string;
  @ApiProperty() availability!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null to an employer' })
  pay!: string | null;
  @ApiProperty() reliability!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null to an employer' })
  fairness!: string | null;
}

/** A candidate as an employer or staff see them; nothing states or reveals a priority group, income or hours (DESIGN, PIPL). */
@ApiSchema({ name: 'Candidate' })
export class CandidateDto {
  @ApiProperty({ format: 'uuid' })
  workerId!: string;

  @ApiProperty({ example: '王某', description: 'to an employer: the surname with 某 until the person is booked with them' })
  name!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '138****8000',
    description: 'null for a walk-in without a phone (staff refer them at the desk)',
  })
  phoneMasked!: string | null;

  @ApiProperty({ description: '0–100', example: 82.5 })
  score!: number;

  @ApiProperty({ example: 3.2, description: 'to an employer: whole kilometres' })
  distanceKm!: number;

  @ApiProperty({ type: ScoreBreakdownDto })
  breakdown!: ScoreBreakdownDto;

  @ApiProperty({ type: ScoreExplanationsDto })
  explanations!: ScoreExplanationsDto;
}

@ApiSchema({ name: 'RecommendedShiftPay' })
export class RecommendedShiftPayDto {
  @ApiProperty({ type: 'integer', description: 'integer fen (分)', example: 22000 })
  amountFen!: number;

  @ApiProperty({ enum: payUnits })
  unit!: PayUnit;

  @ApiProperty({ enum: settlements })
  settlement!: string;
}

@ApiSchema({ name: 'RecommendedShift' })
export class RecommendedShiftDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '仓库搬运 日结' })
  title!: string;

  @ApiProperty({ enum: shiftCategoryCodes })
  category!: string;

  @ApiProperty({ example: '永中街道' })
  street!: string;

  @ApiProperty({ example: '龙湾区永中街道某仓库' })
  address!: string;

  @ApiProperty({ format: 'date-time' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  endsAt!: string;

  @ApiProperty({ type: RecommendedShiftPayDto })
  pay!: RecommendedShiftPayDto;

  @ApiProperty({ type: 'integer', description: 'places still open' })
  remaining!: number;
}

@ApiSchema({ name: 'Recommendation' })
export class RecommendationDto {
  @ApiProperty({ type: RecommendedShiftDto })
  shift!: RecommendedShiftDto;

  @ApiProperty({ description: '0–100' })
  score!: number;

  @ApiProperty()
  distanceKm!: number;

  @ApiProperty({ type: ScoreBreakdownDto })
  breakdown!: ScoreBreakdownDto;

  @ApiProperty({ type: ScoreExplanationsDto })
  explanations!: ScoreExplanationsDto;
}

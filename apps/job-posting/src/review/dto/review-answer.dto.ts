import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { EmployerDto } from '../../employers/dto/employer-answer.dto';
import { ShiftDto } from '../../shifts/dto/shift-answer.dto';

@ApiSchema({ name: 'ReviewEmployer', description: 'Who posted a shift waiting for review, as staff judge it.' })
export class ReviewEmployerDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '温州某鞋业有限公司' })
  name!: string;

  @ApiProperty()
  verified!: boolean;

  @ApiProperty()
  suspended!: boolean;
}

@ApiSchema({ name: 'ShiftForReview', description: 'A shift of an unverified employer, waiting for staff to approve or reject it.' })
export class ShiftForReviewDto extends ShiftDto {
  @ApiProperty({ type: ReviewEmployerDto })
  employer!: ReviewEmployerDto;
}

@ApiSchema({ name: 'EmployerForReview', description: 'An employer as the office reviews it: open reports and shifts waiting for review.' })
export class EmployerForReviewDto extends EmployerDto {
  @ApiProperty({ type: String, nullable: true, example: '多名零工反映拖欠工资' })
  suspensionReason!: string | null;

  @ApiProperty({ type: 'integer', description: 'reports about its shifts not yet reviewed' })
  openReports!: number;

  @ApiProperty({ type: 'integer', description: 'its shifts waiting for review' })
  shiftsPendingReview!: number;
}

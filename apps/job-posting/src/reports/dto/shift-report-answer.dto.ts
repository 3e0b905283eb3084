import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { reportReasons, type ReportReason } from '../shift-report.entity';

@ApiSchema({ name: 'ShiftReport' })
export class ShiftReportDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  shiftId!: string;

  @ApiProperty({ format: 'uuid' })
  employerId!: string;

  @ApiProperty({ enum: reportReasons })
  reason!: ReportReason;

  @ApiProperty({ type: String, nullable: true, example: '干完活老板不给钱' })
  detail!: string | null;

  @ApiProperty({ enum: ['open', 'reviewed'] })
  status!: 'open' | 'reviewed';

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

@ApiSchema({ name: 'ShiftReportForReview', description: 'An open report with what staff need to judge it: the shift and its employer.' })
export class ShiftReportForReviewDto extends ShiftReportDto {
  @ApiProperty({ example: '仓库搬运 日结' })
  shiftTitle!: string;

  @ApiProperty({ example: '温州某鞋业有限公司' })
  employerName!: string;

  @ApiProperty()
  employerVerified!: boolean;

  @ApiProperty()
  employerSuspended!: boolean;
}

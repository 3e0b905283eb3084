import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '@lingong/domain';
import { CurrentAccount, Roles, type SignedInAccount } from '@lingong/identity';
import { ApiErrors, ListOf, type List } from '@lingong/platform';
import { ShiftReportDto, ShiftReportForReviewDto } from './dto/shift-report-answer.dto';
import { reportReasons, type ReportReason } from './shift-report.entity';
import { ReportsService } from './reports.service';

export class ReportShiftDto {
  @ApiProperty({ enum: reportReasons })
  @IsIn(reportReasons)
  reason!: ReportReason;

  @ApiPropertyOptional({ example: '干完活老板不给钱' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  detail?: string;
}

@ApiTags('trust')
@ApiBearerAuth()
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @ApiOperation({ summary: 'Report a shift (fake, unpaid, unsafe…)', description: 'Staff review reports and may suspend the employer.' })
  @ApiCreatedResponse({ type: ShiftReportDto })
  @ApiErrors(404, [409, 'WORKER_PROFILE_REQUIRED'])
  @Roles('worker')
  @Post('shifts/:id/reports')
  report(
    @CurrentAccount() account: SignedInAccount,
    @Param('id', ParseUUIDPipe) shiftId: string,
    @Body() body: ReportShiftDto,
  ): Promise<ShiftReportDto> {
    return this.reports.report(account, shiftId, body.reason, body.detail);
  }

  /** Staff: open reports, newest first, to review and act on (verify, suspend). */
  @ApiOperation({ summary: 'Open reports, newest first (at most 200)' })
  @ApiOkResponse({ type: ListOf(ShiftReportForReviewDto) })
  @Roles('staff')
  @Get('employers/reports')
  async open(): Promise<List<ShiftReportForReviewDto>> {
    return { items: await this.reports.open() };
  }

  @ApiOperation({ summary: 'Mark a report reviewed', description: 'Staff have acted on it (or found nothing); it leaves the open list.' })
  @ApiOkResponse({ type: ShiftReportDto })
  @ApiErrors(404)
  @Roles('staff')
  @Post('employers/reports/:id/reviewed')
  @HttpCode(200)
  reviewed(@Param('id', ParseUUIDPipe) id: string): Promise<ShiftReportDto> {
    return this.reports.markReviewed(id);
  }
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '@lingong/domain';
import { CurrentAccount, Roles, type SignedInAccount } from '@lingong/identity';
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

  @Roles('worker')
  @Post('shifts/:id/reports')
  report(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) shiftId: string, @Body() body: ReportShiftDto) {
    return this.reports.report(account, shiftId, body.reason, body.detail);
  }

  /** Staff: open reports, newest first, to review and act on (verify, suspend). */
  @Roles('staff')
  @Get('employers/reports')
  async open() {
    return { items: await this.reports.open() };
  }
}

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Roles } from '@lingong/identity';
import { ApiErrors, ListOf, type List } from '@lingong/platform';
import { ReasonDto } from '../bookings/dto/booking.dto';
import { ShiftDto } from '../shifts/dto/shift-answer.dto';
import { shiftView } from '../shifts/shift.view';
import { EmployerForReviewDto, ShiftForReviewDto } from './dto/review-answer.dto';
import { ReviewService } from './review.service';

const employerFilters = ['unverified', 'suspended'] as const;

export class ReviewListQuery {
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class EmployerReviewQuery extends ReviewListQuery {
  @ApiPropertyOptional({ enum: employerFilters, default: 'unverified' })
  @IsOptional()
  @IsIn(employerFilters)
  status?: (typeof employerFilters)[number];
}

@ApiTags('trust')
@ApiBearerAuth()
@Controller()
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @ApiOperation({
    summary: 'Shifts waiting for review, soonest first',
    description: 'Unverified employers’ published shifts, with who posted them (at most 200).',
  })
  @ApiOkResponse({ type: ListOf(ShiftForReviewDto) })
  @Roles('staff')
  @Get('shifts/review')
  async pendingShifts(@Query() query: ReviewListQuery): Promise<List<ShiftForReviewDto>> {
    return { items: await this.review.pendingShifts(query.limit ?? 50) };
  }

  @ApiOperation({
    summary: 'Reject a shift waiting for review',
    description: 'It never reaches the board and ends `cancelled` with the reason.',
  })
  @ApiOkResponse({ type: ShiftDto })
  @ApiErrors(404, [409, 'SHIFT_NOT_PENDING'])
  @Roles('staff')
  @Post('shifts/:id/reject')
  @HttpCode(200)
  async reject(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto): Promise<ShiftDto> {
    return shiftView(await this.review.reject(id, body.reason));
  }

  @ApiOperation({
    summary: 'Employers to review: unverified, or suspended',
    description: 'Newest first (at most 200), with open reports and shifts waiting for review.',
  })
  @ApiOkResponse({ type: ListOf(EmployerForReviewDto) })
  @Roles('staff')
  @Get('employers')
  async employers(@Query() query: EmployerReviewQuery): Promise<List<EmployerForReviewDto>> {
    return { items: await this.review.employers(query.status ?? 'unverified', query.limit ?? 50) };
  }
}

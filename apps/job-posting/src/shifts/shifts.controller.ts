import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, OptionalAccount, Public, Roles, type SignedInAccount } from '@lingong/identity';
import { ApiErrors, PageOf, type Page } from '@lingong/platform';
import { ReasonDto } from '../bookings/dto/booking.dto';
import { CreateShiftDto } from './dto/create-shift.dto';
import { BoardShiftDto, ShiftDto } from './dto/shift-answer.dto';
import { ShiftCancellationService } from './shift-cancellation.service';
import { ListShiftsQuery } from './board/list-shifts.query';
import { ShiftBoardService } from './board/shift-board.service';
import { shiftView } from './shift.view';
import { ShiftsService } from './shifts.service';

@ApiTags('shifts')
@Controller('shifts')
export class ShiftsController {
  constructor(
    private readonly shifts: ShiftsService,
    private readonly board: ShiftBoardService,
    private readonly cancellation: ShiftCancellationService,
  ) {}

  @ApiOperation({
    summary: 'Post a shift',
    description:
      'A draft, or published at once with `publish: true`. Staff post for an employer with `employerId`. Pay is checked against the minimum wage and part-time limits.',
  })
  @ApiCreatedResponse({ type: ShiftDto })
  @ApiErrors(
    [403, 'EMPLOYER_SUSPENDED'],
    404,
    [409, 'EMPLOYER_PROFILE_REQUIRED'],
    [422, 'BELOW_MINIMUM_WAGE', 'PART_TIME_HOURS_EXCEEDED', 'PART_TIME_SETTLEMENT_TOO_LONG'],
  )
  @ApiBearerAuth()
  @Roles('employer', 'staff')
  @Post()
  async create(@CurrentAccount() account: SignedInAccount, @Body() body: CreateShiftDto): Promise<ShiftDto> {
    return shiftView(await this.shifts.create(account, body));
  }

  @ApiOperation({ summary: 'Publish a draft shift', description: '`open`, or `pending_review` while the employer is unverified.' })
  @ApiOkResponse({ type: ShiftDto })
  @ApiErrors(
    [403, 'EMPLOYER_SUSPENDED'],
    404,
    [409, 'SHIFT_NOT_DRAFT', 'SHIFT_STARTED'],
    [422, 'BELOW_MINIMUM_WAGE', 'PART_TIME_HOURS_EXCEEDED', 'PART_TIME_SETTLEMENT_TOO_LONG'],
  )
  @ApiBearerAuth()
  @Roles('employer', 'staff')
  @Post(':id/publish')
  @HttpCode(200)
  async publish(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string): Promise<ShiftDto> {
    return shiftView(await this.shifts.publish(account, id));
  }

  @ApiOperation({ summary: 'Cancel a shift', description: 'Its bookings are cancelled and the people told by SMS.' })
  @ApiOkResponse({ type: ShiftDto })
  @ApiErrors(404, [409, 'SHIFT_STARTED'])
  @ApiBearerAuth()
  @Roles('employer', 'staff')
  @Post(':id/cancel')
  @HttpCode(200)
  async cancel(
    @CurrentAccount() account: SignedInAccount,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReasonDto,
  ): Promise<ShiftDto> {
    return shiftView(await this.cancellation.cancel(account, id, body.reason));
  }

  @ApiOperation({ summary: 'Approve a shift waiting for review' })
  @ApiOkResponse({ type: ShiftDto })
  @ApiErrors(
    [403, 'EMPLOYER_SUSPENDED'],
    404,
    [409, 'SHIFT_NOT_PENDING'],
    [422, 'BELOW_MINIMUM_WAGE', 'PART_TIME_HOURS_EXCEEDED', 'PART_TIME_SETTLEMENT_TOO_LONG'],
  )
  @ApiBearerAuth()
  @Roles('staff')
  @Post(':id/approve')
  @HttpCode(200)
  async approve(@Param('id', ParseUUIDPipe) id: string): Promise<ShiftDto> {
    return shiftView(await this.shifts.approve(id));
  }

  @ApiOperation({ summary: 'The public board of shifts', description: 'Filtered, searched and sorted; keyset-paged with `cursor`.' })
  @ApiOkResponse({ type: PageOf(BoardShiftDto) })
  @Public()
  @Get()
  async list(@Query() query: ListShiftsQuery): Promise<Page<BoardShiftDto>> {
    return this.board.list(query);
  }

  @ApiOperation({ summary: 'One shift', description: 'Drafts and shifts in review only to their employer and staff (404 to others).' })
  @ApiOkResponse({ type: ShiftDto })
  @ApiErrors(404)
  @Public()
  @Get(':id')
  async get(@OptionalAccount() account: SignedInAccount | undefined, @Param('id', ParseUUIDPipe) id: string): Promise<ShiftDto> {
    return shiftView(await this.shifts.get(account, id));
  }
}

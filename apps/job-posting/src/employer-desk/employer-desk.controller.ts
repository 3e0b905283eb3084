import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, Roles, type SignedInAccount } from '@lingong/identity';
import { ApiErrors, ListOf, type List } from '@lingong/platform';
import { ShiftDto } from '../shifts/dto/shift-answer.dto';
import { ShiftCancellationService } from '../shifts/shift-cancellation.service';
import { shiftView } from '../shifts/shift.view';
import { CancellationCostDto, CopyShiftDto, MyShiftDto, PostingRulesDto, RosterEntryDto } from './dto/employer-desk.dto';
import { EmployerDeskService } from './employer-desk.service';

/** The employer's own view of its work: its shifts, the settings behind the posting rules. */
@ApiTags('employers')
@Controller('employers')
export class EmployerDeskController {
  constructor(private readonly desk: EmployerDeskService) {}

  @ApiOperation({
    summary: 'The market’s settings behind the posting rules',
    description: 'The rules themselves are the functions of libs/domain; these are their inputs.',
  })
  @ApiOkResponse({ type: PostingRulesDto })
  @ApiBearerAuth()
  @Roles('employer', 'staff')
  @Get('posting-rules')
  postingRules(): PostingRulesDto {
    return this.desk.postingRules();
  }

  @ApiOperation({
    summary: 'The signed-in employer’s shifts',
    description: 'Every status, drafts included, the latest start first (at most 200), each with its pending applications.',
  })
  @ApiOkResponse({ type: ListOf(MyShiftDto) })
  @ApiErrors([409, 'EMPLOYER_PROFILE_REQUIRED'])
  @ApiBearerAuth()
  @Roles('employer')
  @Get('me/shifts')
  async myShifts(@CurrentAccount() account: SignedInAccount): Promise<List<MyShiftDto>> {
    return { items: await this.desk.myShifts(account) };
  }
}

/** An employer's (or staff's) work on one of its shifts: who is on it, what cancelling costs, a copy for another day. */
@ApiTags('shifts')
@ApiBearerAuth()
@Controller('shifts')
export class ShiftDeskController {
  constructor(
    private readonly desk: EmployerDeskService,
    private readonly cancellation: ShiftCancellationService,
  ) {}

  @ApiOperation({
    summary: 'The people booked on a shift, with their bookings',
    description:
      'Names and phones in full while the person is booked with the employer, else surname with 某 and a masked phone (docs/privacy.md).',
  })
  @ApiOkResponse({ type: ListOf(RosterEntryDto) })
  @ApiErrors(404)
  @Roles('employer', 'staff')
  @Get(':id/roster')
  async roster(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string): Promise<List<RosterEntryDto>> {
    return { items: await this.desk.roster(account, id) };
  }

  @ApiOperation({
    summary: 'What cancelling the shift now would cost',
    description: 'Per standing booking, by the rule the cancellation applies; nothing changes.',
  })
  @ApiOkResponse({ type: CancellationCostDto })
  @ApiErrors(404)
  @Roles('employer', 'staff')
  @Get(':id/cancellation')
  async cancellationCost(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string): Promise<CancellationCostDto> {
    return this.cancellation.cost(account, id);
  }

  @ApiOperation({
    summary: 'Copy a shift as a new draft',
    description: 'Same details, moved to `startsAt` or by default a week on (as many weeks as it takes to be in the future).',
  })
  @ApiCreatedResponse({ type: ShiftDto })
  @ApiErrors([403, 'EMPLOYER_SUSPENDED'], 404, [422, 'BELOW_MINIMUM_WAGE', 'PART_TIME_HOURS_EXCEEDED', 'PART_TIME_SETTLEMENT_TOO_LONG'])
  @Roles('employer', 'staff')
  @Post(':id/copy')
  async copy(
    @CurrentAccount() account: SignedInAccount,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CopyShiftDto,
  ): Promise<ShiftDto> {
    return shiftView(await this.desk.copy(account, id, body.startsAt));
  }
}

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, Roles, type SignedInAccount } from '@lingong/identity';
import { ApiErrors, ListOf, type List } from '@lingong/platform';
import { BookingDto } from '../bookings/dto/booking-answer.dto';
import { bookingView } from '../bookings/booking.view';
import { ApplicationsService } from './applications.service';
import { ApplicationDto, ShiftApplicationDto } from './dto/application-answer.dto';
import { ApplyDto } from './dto/apply.dto';

@ApiTags('applications')
@ApiBearerAuth()
@Controller()
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @ApiOperation({ summary: 'Apply for a shift' })
  @ApiCreatedResponse({ type: ApplicationDto })
  @ApiErrors(404, [409, 'SHIFT_FULL', 'SHIFT_NOT_OPEN', 'ALREADY_APPLIED', 'EMPLOYER_SUSPENDED', 'WORKER_PROFILE_REQUIRED'])
  @Roles('worker')
  @Post('shifts/:id/applications')
  async apply(
    @CurrentAccount() account: SignedInAccount,
    @Param('id', ParseUUIDPipe) shiftId: string,
    @Body() body: ApplyDto,
  ): Promise<ApplicationDto> {
    return this.applications.view(await this.applications.apply(account, shiftId, body.note));
  }

  @ApiOperation({
    summary: 'Applications to a shift, with who applied',
    description: 'Phones are masked until the application is accepted.',
  })
  @ApiOkResponse({ type: ListOf(ShiftApplicationDto) })
  @ApiErrors(404)
  @Roles('employer', 'staff')
  @Get('shifts/:id/applications')
  async listForShift(
    @CurrentAccount() account: SignedInAccount,
    @Param('id', ParseUUIDPipe) shiftId: string,
  ): Promise<List<ShiftApplicationDto>> {
    return { items: await this.applications.listForShift(account, shiftId) };
  }

  @ApiOperation({ summary: 'The signed-in seeker’s applications' })
  @ApiOkResponse({ type: ListOf(ApplicationDto) })
  @ApiErrors([409, 'WORKER_PROFILE_REQUIRED'])
  @Roles('worker')
  @Get('applications/mine')
  async mine(@CurrentAccount() account: SignedInAccount): Promise<List<ApplicationDto>> {
    return { items: (await this.applications.mine(account)).map((application) => this.applications.view(application)) };
  }

  @ApiOperation({
    summary: 'Accept an application: book the seeker',
    description: 'Again on an application already accepted: its booking (201), so a retry after a lost answer books nobody twice.',
  })
  @ApiCreatedResponse({ type: BookingDto })
  @ApiErrors(
    404,
    [403, 'EMPLOYER_SUSPENDED'],
    [
      409,
      'SHIFT_FULL',
      'DOUBLE_BOOKING',
      'ALREADY_BOOKED',
      'SHIFT_NOT_OPEN',
      'APPLICATION_NOT_PENDING',
      'WORKER_NOT_ACTIVE',
      'EMPLOYER_SUSPENDED',
    ],
    [422, 'PART_TIME_HOURS_EXCEEDED'],
  )
  @Roles('employer', 'staff')
  @Post('applications/:id/accept')
  async accept(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string): Promise<BookingDto> {
    return bookingView(await this.applications.accept(account, id));
  }

  @ApiOperation({ summary: 'Reject an application' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiErrors(404, [409, 'APPLICATION_NOT_PENDING'])
  @Roles('employer', 'staff')
  @Post('applications/:id/reject')
  @HttpCode(200)
  async reject(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string): Promise<ApplicationDto> {
    return this.applications.view(await this.applications.reject(account, id));
  }

  @ApiOperation({ summary: 'Withdraw one’s own application' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiErrors(404, [409, 'APPLICATION_NOT_PENDING', 'WORKER_PROFILE_REQUIRED'])
  @Roles('worker')
  @Post('applications/:id/withdraw')
  @HttpCode(200)
  async withdraw(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string): Promise<ApplicationDto> {
    return this.applications.view(await this.applications.withdraw(account, id));
  }
}

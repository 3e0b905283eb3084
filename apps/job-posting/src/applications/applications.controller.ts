import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, Roles, type SignedInAccount } from '@lingong/identity';
import { bookingView } from '../bookings/booking.view';
import { ApplicationsService } from './applications.service';
import { ApplyDto } from './dto/apply.dto';

@ApiTags('applications')
@ApiBearerAuth()
@Controller()
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Roles('worker')
  @Post('shifts/:id/applications')
  async apply(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) shiftId: string, @Body() body: ApplyDto) {
    return this.applications.view(await this.applications.apply(account, shiftId, body.note));
  }

  @Roles('employer', 'staff')
  @Get('shifts/:id/applications')
  async listForShift(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) shiftId: string) {
    return { items: await this.applications.listForShift(account, shiftId) };
  }

  @Roles('worker')
  @Get('applications/mine')
  async mine(@CurrentAccount() account: SignedInAccount) {
    return { items: (await this.applications.mine(account)).map((application) => this.applications.view(application)) };
  }

  @Roles('employer', 'staff')
  @Post('applications/:id/accept')
  async accept(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string) {
    return bookingView(await this.applications.accept(account, id));
  }

  @Roles('employer', 'staff')
  @Post('applications/:id/reject')
  @HttpCode(200)
  async reject(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string) {
    return this.applications.view(await this.applications.reject(account, id));
  }

  @Roles('worker')
  @Post('applications/:id/withdraw')
  @HttpCode(200)
  async withdraw(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string) {
    return this.applications.view(await this.applications.withdraw(account, id));
  }
}

import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, Roles, type SignedInAccount } from '@lingong/identity';
import { CreateStaffDto } from '../auth/dto/auth.dto';
import { StaffService } from './staff.service';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Roles('admin')
  @Post()
  create(@Body() body: CreateStaffDto) {
    return this.staff.create(body);
  }

  /** No more sign-in, and every token of the account refused from this moment (not after its 8 hours). */
  @Roles('admin')
  @Post(':id/disable')
  @HttpCode(200)
  disable(@CurrentAccount() admin: SignedInAccount, @Param('id', ParseUUIDPipe) id: string) {
    return this.staff.disable(admin, id);
  }

  /** Sign-in works again; tokens issued before the account was disabled stay refused. */
  @Roles('admin')
  @Post(':id/enable')
  @HttpCode(200)
  enable(@Param('id', ParseUUIDPipe) id: string) {
    return this.staff.enable(id);
  }
}

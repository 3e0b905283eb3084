import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, Roles, type SignedInAccount } from '@lingong/identity';
import { ApiErrors, ListOf, type List } from '@lingong/platform';
import { CreateStaffDto } from '../auth/dto/auth.dto';
import { StaffAccountDto } from './dto/staff-answer.dto';
import { StaffService } from './staff.service';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @ApiOperation({ summary: 'The staff and admin accounts (admins)' })
  @ApiOkResponse({ type: ListOf(StaffAccountDto) })
  @Roles('admin')
  @Get()
  async list(): Promise<List<StaffAccountDto>> {
    return { items: await this.staff.list() };
  }

  @ApiOperation({ summary: 'Create a staff account (admins)' })
  @ApiCreatedResponse({ type: StaffAccountDto })
  @ApiErrors([409, 'STAFF_EXISTS'])
  @Roles('admin')
  @Post()
  create(@Body() body: CreateStaffDto): Promise<StaffAccountDto> {
    return this.staff.create(body);
  }

  /** No more sign-in, and every token of the account refused from this moment (not after its 8 hours). */
  @ApiOperation({
    summary: 'Disable a staff account (admins)',
    description: 'No more sign-in, and every token of the account is refused at once.',
  })
  @ApiOkResponse({ type: StaffAccountDto })
  @ApiErrors(404, [409, 'CANNOT_DISABLE_SELF'])
  @Roles('admin')
  @Post(':id/disable')
  @HttpCode(200)
  disable(@CurrentAccount() admin: SignedInAccount, @Param('id', ParseUUIDPipe) id: string): Promise<StaffAccountDto> {
    return this.staff.disable(admin, id);
  }

  /** Sign-in works again; tokens issued before the account was disabled stay refused. */
  @ApiOperation({
    summary: 'Enable a disabled staff account again (admins)',
    description: 'Tokens issued before it was disabled stay refused.',
  })
  @ApiOkResponse({ type: StaffAccountDto })
  @ApiErrors(404)
  @Roles('admin')
  @Post(':id/enable')
  @HttpCode(200)
  enable(@Param('id', ParseUUIDPipe) id: string): Promise<StaffAccountDto> {
    return this.staff.enable(id);
  }
}

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, Roles, type SignedInAccount } from '@lingong/identity';
import { ReasonDto } from '../bookings/dto/booking.dto';
import { CreateEmployerDto } from './dto/create-employer.dto';
import { employerView } from './employer.view';
import { EmployersService } from './employers.service';

@ApiTags('employers')
@ApiBearerAuth()
@Controller('employers')
export class EmployersController {
  constructor(private readonly employers: EmployersService) {}

  @Roles('employer', 'staff')
  @Post()
  async create(@CurrentAccount() account: SignedInAccount, @Body() body: CreateEmployerDto) {
    return employerView(await this.employers.create(account, body));
  }

  @Roles('employer')
  @Get('me')
  async mine(@CurrentAccount() account: SignedInAccount) {
    return employerView(await this.employers.mine(account));
  }

  @Roles('staff')
  @Post(':id/suspend')
  @HttpCode(200)
  async suspend(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto) {
    return employerView(await this.employers.suspend(id, body.reason));
  }

  @Roles('staff')
  @Post(':id/reinstate')
  @HttpCode(200)
  async reinstate(@Param('id', ParseUUIDPipe) id: string) {
    return employerView(await this.employers.reinstate(id));
  }

  @Roles('staff')
  @Post(':id/verify')
  @HttpCode(200)
  async verify(@Param('id', ParseUUIDPipe) id: string) {
    return employerView(await this.employers.verify(id));
  }
}

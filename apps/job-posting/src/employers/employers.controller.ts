import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, Roles, type SignedInAccount } from '@lingong/identity';
import { ApiErrors } from '@lingong/platform';
import { ReasonDto } from '../bookings/dto/booking.dto';
import { CreateEmployerDto } from './dto/create-employer.dto';
import { EmployerDto } from './dto/employer-answer.dto';
import { employerView } from './employer.view';
import { EmployersService } from './employers.service';

@ApiTags('employers')
@ApiBearerAuth()
@Controller('employers')
export class EmployersController {
  constructor(private readonly employers: EmployersService) {}

  @ApiOperation({
    summary: 'Register an employer profile',
    description: 'One per account. Staff register one at the desk for another account with `accountId`.',
  })
  @ApiCreatedResponse({ type: EmployerDto })
  @ApiErrors([403, 'FORBIDDEN_FIELD'], [409, 'EMPLOYER_EXISTS'])
  @Roles('employer', 'staff')
  @Post()
  async create(@CurrentAccount() account: SignedInAccount, @Body() body: CreateEmployerDto): Promise<EmployerDto> {
    return employerView(await this.employers.create(account, body));
  }

  @ApiOperation({ summary: 'The signed-in employer’s profile' })
  @ApiOkResponse({ type: EmployerDto })
  @ApiErrors(404)
  @Roles('employer')
  @Get('me')
  async mine(@CurrentAccount() account: SignedInAccount): Promise<EmployerDto> {
    return employerView(await this.employers.mine(account));
  }

  @ApiOperation({ summary: 'Suspend an employer', description: 'No new shifts, applications or bookings until reinstated.' })
  @ApiOkResponse({ type: EmployerDto })
  @ApiErrors(404)
  @Roles('staff')
  @Post(':id/suspend')
  @HttpCode(200)
  async suspend(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto): Promise<EmployerDto> {
    return employerView(await this.employers.suspend(id, body.reason));
  }

  @ApiOperation({ summary: 'Reinstate a suspended employer' })
  @ApiOkResponse({ type: EmployerDto })
  @ApiErrors(404)
  @Roles('staff')
  @Post(':id/reinstate')
  @HttpCode(200)
  async reinstate(@Param('id', ParseUUIDPipe) id: string): Promise<EmployerDto> {
    return employerView(await this.employers.reinstate(id));
  }

  @ApiOperation({ summary: 'Mark an employer verified', description: 'Its shifts then open on publishing, without staff review.' })
  @ApiOkResponse({ type: EmployerDto })
  @ApiErrors(404)
  @Roles('staff')
  @Post(':id/verify')
  @HttpCode(200)
  async verify(@Param('id', ParseUUIDPipe) id: string): Promise<EmployerDto> {
    return employerView(await this.employers.verify(id));
  }
}

import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@lingong/identity';
import { ApiErrors } from '@lingong/platform';
import { CreateStaffDto } from '../auth/dto/auth.dto';
import { StaffAccountDto } from './dto/staff-answer.dto';
import { StaffService } from './staff.service';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @ApiOperation({ summary: 'Create a staff account (admins)' })
  @ApiCreatedResponse({ type: StaffAccountDto })
  @ApiErrors([409, 'STAFF_EXISTS'])
  @Roles('admin')
  @Post()
  create(@Body() body: CreateStaffDto): Promise<StaffAccountDto> {
    return this.staff.create(body);
  }
}

import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@lingong/identity';
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
}

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, OptionalAccount, Public, Roles, type SignedInAccount } from '@lingong/identity';
import { ReasonDto } from '../bookings/dto/booking.dto';
import { CreateShiftDto } from './dto/create-shift.dto';
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

  @ApiBearerAuth()
  @Roles('employer', 'staff')
  @Post()
  async create(@CurrentAccount() account: SignedInAccount, @Body() body: CreateShiftDto) {
    return shiftView(await this.shifts.create(account, body));
  }

  @ApiBearerAuth()
  @Roles('employer', 'staff')
  @Post(':id/publish')
  @HttpCode(200)
  async publish(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string) {
    return shiftView(await this.shifts.publish(account, id));
  }

  @ApiBearerAuth()
  @Roles('employer', 'staff')
  @Post(':id/cancel')
  @HttpCode(200)
  async cancel(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto) {
    return shiftView(await this.cancellation.cancel(account, id, body.reason));
  }

  @ApiBearerAuth()
  @Roles('staff')
  @Post(':id/approve')
  @HttpCode(200)
  async approve(@Param('id', ParseUUIDPipe) id: string) {
    return shiftView(await this.shifts.approve(id));
  }

  @Public()
  @Get()
  async list(@Query() query: ListShiftsQuery) {
    return this.board.list(query);
  }

  @Public()
  @Get(':id')
  async get(@OptionalAccount() account: SignedInAccount | undefined, @Param('id', ParseUUIDPipe) id: string) {
    return shiftView(await this.shifts.get(account, id));
  }
}

import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, isStaff, Roles, type SignedInAccount } from '@lingong/identity';
import { CreateWorkerDto } from './dto/create-worker.dto';
import { workerView } from './worker.view';
import { WorkersService } from './workers.service';

@ApiTags('workers')
@ApiBearerAuth()
@Controller('workers')
export class WorkersController {
  constructor(private readonly workers: WorkersService) {}

  @Roles('worker', 'staff')
  @Post()
  async create(@CurrentAccount() account: SignedInAccount, @Body() body: CreateWorkerDto) {
    const worker = await this.workers.create(account, body);
    return workerView(worker, { staff: isStaff(account), self: !isStaff(account) });
  }

  @Roles('worker')
  @Get('me')
  async mine(@CurrentAccount() account: SignedInAccount) {
    return workerView(await this.workers.mine(account), { staff: false, self: true });
  }
}

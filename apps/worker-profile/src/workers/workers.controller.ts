import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, Roles, type SignedInAccount } from '@lingong/identity';
import { CreateWorkerDto } from './dto/create-worker.dto';
import { ListWorkersQuery } from './dto/list-workers.query';
import { SetPriorityGroupDto } from './dto/set-priority-group.dto';
import { SetResidentIdDto } from './dto/set-resident-id.dto';
import { UpdateWorkerDto } from './dto/update-worker.dto';
import { WorkerDirectoryService } from './worker-directory.service';
import { WorkerPrivacyService } from './worker-privacy.service';
import { WorkersService } from './workers.service';

@ApiTags('workers')
@ApiBearerAuth()
@Controller('workers')
export class WorkersController {
  constructor(
    private readonly workers: WorkersService,
    private readonly directory: WorkerDirectoryService,
    private readonly privacy: WorkerPrivacyService,
  ) {}

  @Roles('worker', 'staff')
  @Post()
  async create(@CurrentAccount() account: SignedInAccount, @Body() body: CreateWorkerDto) {
    return this.workers.create(account, body);
  }

  @Roles('staff')
  @Get()
  async list(@Query() query: ListWorkersQuery) {
    return this.directory.list(query);
  }

  @Roles('worker')
  @Get('me')
  async mine(@CurrentAccount() account: SignedInAccount) {
    return this.workers.mine(account);
  }

  @Roles('worker')
  @Patch('me')
  async updateMine(@CurrentAccount() account: SignedInAccount, @Body() body: UpdateWorkerDto) {
    return this.workers.updateMine(account, body);
  }

  @Roles('worker')
  @Get('me/export')
  async export(@CurrentAccount() account: SignedInAccount) {
    return this.privacy.export(account);
  }

  @Roles('worker')
  @Delete('me')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Personal data erased; bookings and ratings stay, pointing at an anonymous profile' })
  async erase(@CurrentAccount() account: SignedInAccount): Promise<void> {
    await this.privacy.erase(account);
  }

  /** At the desk, for a walk-in who asks: the same erasure as `DELETE /workers/me`. */
  @Roles('staff')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Personal data erased as by DELETE /workers/me; the rest of the erasure follows within seconds' })
  async eraseAtDesk(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.privacy.eraseAtDesk(account, id);
  }

  @Roles('staff', 'employer', 'worker')
  @Get(':id')
  async get(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string) {
    return this.workers.get(account, id);
  }

  @Roles('staff')
  @Put(':id/priority-group')
  async setPriorityGroup(
    @CurrentAccount() account: SignedInAccount,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetPriorityGroupDto,
  ) {
    return this.workers.setPriorityGroup(account, id, body);
  }

  /** Staff settle a resident ID after checking the card, e.g. one a seeker gave online that another profile held. */
  @Roles('staff')
  @Put(':id/resident-id')
  async setResidentId(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string, @Body() body: SetResidentIdDto) {
    return this.workers.setResidentId(account, id, body);
  }
}

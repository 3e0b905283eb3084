import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, Roles, type SignedInAccount } from '@lingong/identity';
import { ApiErrors, PageOf, type Page } from '@lingong/platform';
import { CreateWorkerDto } from './dto/create-worker.dto';
import { ListWorkersQuery } from './dto/list-workers.query';
import { SetPriorityGroupDto } from './dto/set-priority-group.dto';
import { SetResidentIdDto } from './dto/set-resident-id.dto';
import { UpdateWorkerAtDeskDto, UpdateWorkerDto } from './dto/update-worker.dto';
import { WorkerDto } from './dto/worker-answer.dto';
import { WorkerExportDto } from './dto/worker-export-answer.dto';
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

  @ApiOperation({
    summary: 'Create a seeker profile',
    description:
      'A seeker creates their own (the phone comes from the sign-in); staff register a walk-in with `phone`. Consent to data processing is required.',
  })
  @ApiCreatedResponse({ type: WorkerDto })
  @ApiErrors([409, 'WORKER_EXISTS', 'RESIDENT_ID_TAKEN'])
  @Roles('worker', 'staff')
  @Post()
  async create(@CurrentAccount() account: SignedInAccount, @Body() body: CreateWorkerDto): Promise<WorkerDto> {
    return this.workers.create(account, body);
  }

  @ApiOperation({
    summary: 'Find seekers at the desk',
    description: 'By phone, street or skill; newest first, keyset-paged with `cursor`.',
  })
  @ApiOkResponse({ type: PageOf(WorkerDto) })
  @Roles('staff')
  @Get()
  async list(@Query() query: ListWorkersQuery): Promise<Page<WorkerDto>> {
    return this.directory.list(query);
  }

  @ApiOperation({ summary: 'The signed-in seeker’s profile' })
  @ApiOkResponse({ type: WorkerDto })
  @ApiErrors(404)
  @Roles('worker')
  @Get('me')
  async mine(@CurrentAccount() account: SignedInAccount): Promise<WorkerDto> {
    return this.workers.mine(account);
  }

  @ApiOperation({
    summary: 'Change one’s own profile',
    description: 'Any field of the profile input, none null; never the phone nor the priority group.',
  })
  @ApiOkResponse({ type: WorkerDto })
  @ApiErrors(404, [409, 'RESIDENT_ID_TAKEN'])
  @Roles('worker')
  @Patch('me')
  async updateMine(@CurrentAccount() account: SignedInAccount, @Body() body: UpdateWorkerDto): Promise<WorkerDto> {
    return this.workers.updateMine(account, body);
  }

  @ApiOperation({
    summary: 'Download everything held about oneself',
    description: 'PIPL art. 45: the profile (priority group included), consents, bookings, ratings, applications and reports.',
  })
  @ApiOkResponse({ type: WorkerExportDto })
  @ApiErrors(404)
  @Roles('worker')
  @Get('me/export')
  async export(@CurrentAccount() account: SignedInAccount) {
    return this.privacy.export(account);
  }

  @ApiOperation({
    summary: 'Erase one’s personal data',
    description: 'PIPL art. 47: the profile becomes anonymous; bookings and ratings stay, pointing at it.',
  })
  @ApiNoContentResponse({ description: 'Personal data erased; bookings and ratings stay, pointing at an anonymous profile' })
  @ApiErrors(404)
  @Roles('worker')
  @Delete('me')
  @HttpCode(204)
  async erase(@CurrentAccount() account: SignedInAccount): Promise<void> {
    await this.privacy.erase(account);
  }

  /** At the desk, for a walk-in who asks: the same erasure as `DELETE /workers/me`. */
  @ApiOperation({
    summary: 'Erase a seeker at the desk (staff)',
    description: 'The same erasure as DELETE /workers/me, for a walk-in who asks.',
  })
  @ApiNoContentResponse({ description: 'Personal data erased as by DELETE /workers/me; the rest of the erasure follows within seconds' })
  @ApiErrors(404)
  @Roles('staff')
  @Delete(':id')
  @HttpCode(204)
  async eraseAtDesk(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.privacy.eraseAtDesk(account, id);
  }

  @ApiOperation({
    summary: 'One seeker’s profile',
    description: 'Staff; an employer only for someone booked on its shift (404 otherwise).',
  })
  @ApiOkResponse({ type: WorkerDto })
  @ApiErrors(404)
  @Roles('staff', 'employer', 'worker')
  @Get(':id')
  async get(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string): Promise<WorkerDto> {
    return this.workers.get(account, id);
  }

  @ApiOperation({
    summary: 'Change a seeker’s profile at the desk (staff)',
    description:
      'Any field of the profile input, none null, as PATCH /workers/me; a changed SMS consent is recorded as given at `desk`. The phone only of a walk-in nobody signs in to yet (PHONE_IS_SIGN_IN otherwise); never the priority group.',
  })
  @ApiOkResponse({ type: WorkerDto })
  @ApiErrors(404, [409, 'RESIDENT_ID_TAKEN', 'WORKER_EXISTS', 'PHONE_IS_SIGN_IN'])
  @Roles('staff')
  @Patch(':id')
  async updateAtDesk(
    @CurrentAccount() account: SignedInAccount,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateWorkerAtDeskDto,
  ): Promise<WorkerDto> {
    return this.workers.updateAtDesk(account, id, body);
  }

  @ApiOperation({
    summary: 'Record a seeker’s priority group (with their consent)',
    description: 'Sensitive personal information (PIPL art. 28, 29): staff set it only with the seeker’s consent, which is recorded.',
  })
  @ApiOkResponse({ type: WorkerDto })
  @ApiErrors(404)
  @Roles('staff')
  @Put(':id/priority-group')
  async setPriorityGroup(
    @CurrentAccount() account: SignedInAccount,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetPriorityGroupDto,
  ): Promise<WorkerDto> {
    return this.workers.setPriorityGroup(account, id, body);
  }

  /** Staff settle a resident ID after checking the card, e.g. one a seeker gave online that another profile held. */
  @ApiOperation({
    summary: 'Settle a seeker’s resident ID (staff)',
    description: 'Sets it after checking the card; a profile that held it loses it and is flagged in turn. `null` clears it.',
  })
  @ApiOkResponse({ type: WorkerDto })
  @ApiErrors(404)
  @Roles('staff')
  @Put(':id/resident-id')
  async setResidentId(
    @CurrentAccount() account: SignedInAccount,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetResidentIdDto,
  ): Promise<WorkerDto> {
    return this.workers.setResidentId(account, id, body);
  }
}

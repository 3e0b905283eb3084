import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CurrentAccount, isStaff, Roles, type SignedInAccount } from '@lingong/identity';
import { DomainException, NotFoundDomainException } from '@lingong/platform';
import { CandidatesRepository } from '../candidates/candidates.repository';
import { OffersService } from './offers.service';

export class MakeOffersDto {
  @ApiPropertyOptional({ description: 'how many more people to ask (default: two per remaining place)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  count?: number;
}

@ApiTags('offers')
@ApiBearerAuth()
@Controller()
export class OffersController {
  constructor(
    private readonly offers: OffersService,
    private readonly candidates: CandidatesRepository,
  ) {}

  /** SMS offers to the best candidates not yet asked. */
  @Roles('employer', 'staff')
  @Post('matching/shifts/:id/offers')
  @HttpCode(202)
  async make(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) shiftId: string, @Body() body: MakeOffersDto) {
    const shift = await this.candidates.shift(shiftId);
    if (!shift || !(isStaff(account) || (await this.candidates.employerIdForAccount(account.id)) === shift.employerId)) {
      throw new NotFoundDomainException('Shift');
    }
    return { offered: await this.offers.offerNext(shiftId, body.count) };
  }

  @Roles('worker')
  @Get('offers')
  async mine(@CurrentAccount() account: SignedInAccount) {
    return { items: await this.offers.mine(await this.workerId(account)) };
  }

  @Roles('worker')
  @Post('offers/:id/accept')
  async accept(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string) {
    return this.offers.accept(id, await this.workerId(account));
  }

  @Roles('worker')
  @Post('offers/:id/decline')
  @HttpCode(200)
  async decline(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string) {
    const offer = await this.offers.decline(id, await this.workerId(account));
    return { id: offer.id, shiftId: offer.shiftId, status: offer.status };
  }

  private async workerId(account: SignedInAccount): Promise<string> {
    const id = await this.candidates.workerIdForAccount(account.id);
    if (!id) throw new DomainException('WORKER_PROFILE_REQUIRED', '请先填写求职资料 / Create your seeker profile first', 409);
    return id;
  }
}

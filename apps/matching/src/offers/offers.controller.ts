import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CurrentAccount, Roles, type SignedInAccount } from '@lingong/identity';
import { CandidatesService } from '../candidates/candidates.service';
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
    private readonly candidates: CandidatesService,
  ) {}

  /** SMS offers to the best candidates not yet asked. */
  @Roles('employer', 'staff')
  @Post('matching/shifts/:id/offers')
  @HttpCode(202)
  async make(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) shiftId: string, @Body() body: MakeOffersDto) {
    return { offered: await this.offers.offerOnRequest(await this.candidates.managedShift(account, shiftId), body.count) };
  }

  @Roles('worker')
  @Get('offers')
  async mine(@CurrentAccount() account: SignedInAccount) {
    return { items: await this.offers.mine(await this.candidates.requireWorkerId(account)) };
  }

  @Roles('worker')
  @Post('offers/:id/accept')
  async accept(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string) {
    return this.offers.accept(id, await this.candidates.requireWorkerId(account));
  }

  @Roles('worker')
  @Post('offers/:id/decline')
  @HttpCode(200)
  async decline(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string) {
    const offer = await this.offers.decline(id, await this.candidates.requireWorkerId(account));
    return { id: offer.id, shiftId: offer.shiftId, status: offer.status };
  }
}

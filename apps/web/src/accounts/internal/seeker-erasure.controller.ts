import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsIsoWithOffset, IsMainlandPhone, ToMainlandPhone } from '@lingong/domain';
import { Roles } from '@lingong/identity';
import { internalRoutes, type InternalAnswer, type InternalBody } from '@lingong/internal-api';
import { AccountsRepository } from '../accounts.repository';

export class SeekerErasureDto implements InternalBody<typeof internalRoutes.endSeekerSignIn> {
  @ToMainlandPhone()
  @IsMainlandPhone()
  phone!: string;

  /** What existed up to then goes; an account or code made since is someone signing up again, and stays. */
  @IsIsoWithOffset()
  erasedAt!: string;
}

/**
 * A seeker's erasure reaches the front door's tables: the sign-in account goes (its tokens are
 * refused from that moment; the phone may sign up again) and so do the sign-in codes sent to the
 * phone. Called by worker-profile as it erases (so tokens end at once) and by the worker app's
 * erasure flow (which retries until done). Idempotent. Not forwarded: it is web's own, service only.
 */
@ApiExcludeController()
@Controller()
export class SeekerErasureController {
  constructor(private readonly accounts: AccountsRepository) {}

  @Roles('service')
  @Post(internalRoutes.endSeekerSignIn.path)
  @HttpCode(200)
  erase(@Body() body: SeekerErasureDto): Promise<InternalAnswer<typeof internalRoutes.endSeekerSignIn>> {
    return this.accounts.eraseSeeker(body.phone, new Date(body.erasedAt));
  }
}

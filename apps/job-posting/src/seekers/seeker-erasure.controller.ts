import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Roles } from '@lingong/identity';
import { internalRoutes, type InternalAnswer } from '@lingong/internal-api';
import { SeekerErasureService } from './seeker-erasure.service';

/** For the worker app's erasure flow; not forwarded by the front door. */
@ApiExcludeController()
@Controller()
export class SeekerErasureController {
  constructor(private readonly erasure: SeekerErasureService) {}

  @Roles('service')
  @Post(internalRoutes.eraseSeekerInJobPosting.path)
  @HttpCode(200)
  erase(@Param('id', ParseUUIDPipe) id: string): Promise<InternalAnswer<typeof internalRoutes.eraseSeekerInJobPosting>> {
    return this.erasure.erase(id);
  }
}

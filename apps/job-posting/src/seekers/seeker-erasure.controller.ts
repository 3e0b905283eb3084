import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Roles } from '@lingong/identity';
import { SeekerErasureService } from './seeker-erasure.service';

/** For the worker app's erasure flow; not forwarded by the front door. */
@ApiExcludeController()
@Controller('internal/seekers')
export class SeekerErasureController {
  constructor(private readonly erasure: SeekerErasureService) {}

  @Roles('service')
  @Post(':id/erasure')
  @HttpCode(200)
  erase(@Param('id', ParseUUIDPipe) id: string) {
    return this.erasure.erase(id);
  }
}

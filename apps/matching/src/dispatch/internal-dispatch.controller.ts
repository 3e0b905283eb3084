import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Roles } from '@lingong/identity';
import { DispatchService } from './dispatch.service';

/** Called by the worker's sweep: a plan left `confirming` (interrupted) is confirmed again, which books only what is missing. */
@ApiExcludeController()
@Controller('internal/dispatch/plans')
export class InternalDispatchController {
  constructor(private readonly dispatch: DispatchService) {}

  @Roles('service')
  @Post(':id/confirm')
  @HttpCode(200)
  confirm(@Param('id', ParseUUIDPipe) id: string) {
    return this.dispatch.confirm(id);
  }
}

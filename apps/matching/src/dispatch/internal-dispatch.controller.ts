import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Roles } from '@lingong/identity';
import { internalRoutes, type InternalAnswer } from '@lingong/internal-api';
import { DispatchService } from './dispatch.service';

/** Called by the worker's sweep: a plan left `confirming` (interrupted) is confirmed again, which books only what is missing. */
@ApiExcludeController()
@Controller()
export class InternalDispatchController {
  constructor(private readonly dispatch: DispatchService) {}

  @Roles('service')
  @Post(internalRoutes.finishDispatchPlan.path)
  @HttpCode(200)
  confirm(@Param('id', ParseUUIDPipe) id: string): Promise<InternalAnswer<typeof internalRoutes.finishDispatchPlan>> {
    return this.dispatch.confirm(id);
  }
}

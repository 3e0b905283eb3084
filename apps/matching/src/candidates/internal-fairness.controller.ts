import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Roles } from '@lingong/identity';
import { internalRoutes, type InternalAnswer } from '@lingong/internal-api';
import { CandidatesService } from './candidates.service';

/** Called by the worker's sweep every pass: the stored fairness medians are recomputed when they are a few minutes old. */
@ApiExcludeController()
@Controller()
export class InternalFairnessController {
  constructor(private readonly candidates: CandidatesService) {}

  @Roles('service')
  @Post(internalRoutes.refreshFairnessMedians.path)
  @HttpCode(200)
  refresh(): Promise<InternalAnswer<typeof internalRoutes.refreshFairnessMedians>> {
    return this.candidates.refreshFairnessMedians();
  }
}

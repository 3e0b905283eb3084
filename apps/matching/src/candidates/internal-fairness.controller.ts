import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Roles } from '@lingong/identity';
import { CandidatesService } from './candidates.service';

/** Called by the worker's sweep every pass: the stored fairness medians are recomputed when they are a few minutes old. */
@ApiExcludeController()
@Controller('internal/matching/fairness-medians')
export class InternalFairnessController {
  constructor(private readonly candidates: CandidatesService) {}

  @Roles('service')
  @Post('refresh')
  @HttpCode(200)
  refresh() {
    return this.candidates.refreshFairnessMedians();
  }
}

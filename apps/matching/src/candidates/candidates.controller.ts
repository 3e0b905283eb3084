import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CurrentAccount, Roles, type SignedInAccount } from '@lingong/identity';
import { CandidatesService } from './candidates.service';

export class LimitQuery {
  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

@ApiTags('matching')
@ApiBearerAuth()
@Controller('matching')
export class CandidatesController {
  constructor(private readonly candidates: CandidatesService) {}

  /** Ranked candidates for a shift with each score's parts and a sentence explaining each. */
  @Roles('employer', 'staff')
  @Get('shifts/:id/candidates')
  async candidatesFor(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string, @Query() query: LimitQuery) {
    return { items: await this.candidates.forShift(account, id, query.limit ?? 20) };
  }

  @Roles('worker')
  @Get('workers/me/recommendations')
  async recommendations(@CurrentAccount() account: SignedInAccount, @Query() query: LimitQuery) {
    return { items: await this.candidates.forMe(account, query.limit ?? 20) };
  }
}

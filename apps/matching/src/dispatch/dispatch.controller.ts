import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { CurrentAccount, Roles, type SignedInAccount } from '@lingong/identity';
import { DispatchService } from './dispatch.service';

export class DispatchPlanDto {
  @ApiProperty({ type: [String], maxItems: 200 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  shiftIds!: string[];
}

@ApiTags('dispatch')
@ApiBearerAuth()
@Controller('dispatch/plans')
export class DispatchController {
  constructor(private readonly dispatch: DispatchService) {}

  /** Proposes the assignment with the best total score, and says how much better it is than a greedy pass. */
  @Roles('staff')
  @Post()
  plan(@CurrentAccount() account: SignedInAccount, @Body() body: DispatchPlanDto) {
    return this.dispatch.plan(account, body.shiftIds);
  }

  @Roles('staff')
  @Post(':id/confirm')
  confirm(@Param('id', ParseUUIDPipe) id: string) {
    return this.dispatch.confirm(id);
  }
}

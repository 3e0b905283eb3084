import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { CurrentAccount, Roles, type SignedInAccount } from '@lingong/identity';
import { ApiErrors } from '@lingong/platform';
import { DispatchService } from './dispatch.service';
import { DispatchConfirmationDto, DispatchPlanDto as DispatchPlanAnswerDto } from './dto/dispatch-answer.dto';

/** Named apart from the plan it produces (`DispatchPlan`) in the OpenAPI document. */
@ApiSchema({ name: 'NewDispatchPlanDto' })
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
  @ApiOperation({
    summary: 'Plan a crew for many shifts at once',
    description: 'The assignment with the best total score (an exact solver), and how much better it is than a greedy pass. Nobody is booked until the plan is confirmed.',
  })
  @ApiCreatedResponse({ type: DispatchPlanAnswerDto })
  @ApiErrors([409, 'SHIFT_NOT_OPEN'])
  @Roles('staff')
  @Post()
  plan(@CurrentAccount() account: SignedInAccount, @Body() body: DispatchPlanDto): Promise<DispatchPlanAnswerDto> {
    return this.dispatch.plan(account, body.shiftIds);
  }

  @ApiOperation({ summary: 'Confirm a plan: book everyone in it', description: 'Each through job-posting’s booking rules; those booked are told by SMS, refusals are listed.' })
  @ApiCreatedResponse({ type: DispatchConfirmationDto })
  @ApiErrors(404, [409, 'PLAN_ALREADY_CONFIRMED'])
  @Roles('staff')
  @Post(':id/confirm')
  confirm(@Param('id', ParseUUIDPipe) id: string) {
    return this.dispatch.confirm(id);
  }
}

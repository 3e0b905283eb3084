import { Body, Controller, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { NestedArrayOf } from '@lingong/domain';
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

@ApiSchema({ name: 'PlannedPlace' })
export class PlannedPlaceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  shiftId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  workerId!: string;
}

@ApiSchema({ name: 'RevisedDispatchPlan', description: 'The whole list of assignments as staff want it.' })
export class RevisePlanDto {
  @ApiProperty({ type: [PlannedPlaceDto], maxItems: 5000 })
  @NestedArrayOf(() => PlannedPlaceDto, 5000)
  assignments!: PlannedPlaceDto[];
}

@ApiTags('dispatch')
@ApiBearerAuth()
@Controller('dispatch/plans')
export class DispatchController {
  constructor(private readonly dispatch: DispatchService) {}

  /** Proposes the assignment with the best total score, and says how much better it is than a greedy pass. */
  @ApiOperation({
    summary: 'Plan a crew for many shifts at once',
    description:
      'The assignment with the best total score (an exact solver), and how much better it is than a greedy pass. Nobody is booked until the plan is confirmed.',
  })
  @ApiCreatedResponse({ type: DispatchPlanAnswerDto })
  @ApiErrors([409, 'SHIFT_NOT_OPEN'])
  @Roles('staff')
  @Post()
  plan(@CurrentAccount() account: SignedInAccount, @Body() body: DispatchPlanDto): Promise<DispatchPlanAnswerDto> {
    return this.dispatch.plan(account, body.shiftIds);
  }

  @ApiOperation({
    summary: 'Change a proposed plan by hand',
    description:
      'The whole new list of assignments, checked by the solver’s rules against the shifts and candidates as they are now: each person a candidate, headcounts kept, nobody on overlapping shifts.',
  })
  @ApiOkResponse({ type: DispatchPlanAnswerDto })
  @ApiErrors(404, [409, 'PLAN_ALREADY_CONFIRMED', 'PLAN_ASSIGNMENT_INVALID', 'SHIFT_NOT_OPEN'])
  @Roles('staff')
  @Put(':id/assignments')
  revise(
    @CurrentAccount() account: SignedInAccount,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RevisePlanDto,
  ): Promise<DispatchPlanAnswerDto> {
    return this.dispatch.revise(account, id, body.assignments);
  }

  @ApiOperation({
    summary: 'Confirm a plan: book everyone in it',
    description: 'Each through job-posting’s booking rules; those booked are told by SMS, refusals are listed.',
  })
  @ApiCreatedResponse({ type: DispatchConfirmationDto })
  @ApiErrors(404, [409, 'PLAN_ALREADY_CONFIRMED'])
  @Roles('staff')
  @Post(':id/confirm')
  confirm(@Param('id', ParseUUIDPipe) id: string) {
    return this.dispatch.confirm(id);
  }
}

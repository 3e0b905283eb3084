import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { payUnits, priorityGroups, type PriorityGroup } from '@lingong/domain';
import { consentPurposes, type ConsentPurpose } from '../worker-consent.entity';
import { WorkerDto } from './worker-answer.dto';

const nullableTime = { type: String, format: 'date-time', nullable: true } as const;

@ApiSchema({ name: 'WorkerExportProfile', description: 'The profile as the seeker sees it, with what else is held about it.' })
export class WorkerExportProfileDto extends WorkerDto {
  @ApiProperty({ enum: priorityGroups })
  override priorityGroup!: PriorityGroup;

  @ApiProperty({ format: 'date-time' })
  consentDataProcessingAt!: string;

  @ApiProperty(nullableTime)
  smsOptOutAt!: string | null;

  @ApiProperty({ enum: ['desk', 'self'] })
  registeredVia!: 'desk' | 'self';

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

@ApiSchema({ name: 'ConsentRecord' })
export class ConsentRecordDto {
  @ApiProperty({ enum: consentPurposes })
  purpose!: ConsentPurpose;

  @ApiProperty()
  granted!: boolean;

  @ApiProperty({ enum: ['self', 'desk', 'sms'] })
  channel!: 'self' | 'desk' | 'sms';

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Where at the market, for a consent given at a desk',
    example: '综合服务区 1 号窗口',
  })
  location!: string | null;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
}

@ApiSchema({ name: 'ExportedBooking' })
export class ExportedBookingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) shiftId!: string;
  @ApiProperty({ type: String, nullable: true }) shiftTitle!: string | null;
  @ApiProperty() source!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() employmentType!: string;
  @ApiProperty({ type: 'integer' }) payAmountFen!: number;
  @ApiProperty({ enum: payUnits }) payUnit!: string;
  @ApiProperty(nullableTime) checkedInAt!: string | null;
  @ApiProperty(nullableTime) checkedOutAt!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) minutesWorked!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) payOwedFen!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) compensationFen!: number | null;
  @ApiProperty(nullableTime) settleBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelledBy!: string | null;
  @ApiProperty(nullableTime) cancelledAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason!: string | null;
  @ApiProperty() lateCancellation!: boolean;
  @ApiProperty(nullableTime) paidAt!: string | null;
  @ApiProperty(nullableTime) paymentConfirmedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

@ApiSchema({ name: 'ExportedRating' })
export class ExportedRatingDto {
  @ApiProperty({ format: 'uuid' }) bookingId!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) stars!: number;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

@ApiSchema({ name: 'ExportedApplication' })
export class ExportedApplicationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) shiftId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty(nullableTime) decidedAt!: string | null;
}

@ApiSchema({ name: 'ExportedReport' })
export class ExportedReportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) shiftId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, nullable: true }) detail!: string | null;
  @ApiProperty() status!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** Everything held about the seeker (PIPL art. 45). */
@ApiSchema({ name: 'WorkerExport' })
export class WorkerExportDto {
  @ApiProperty({ format: 'date-time' })
  exportedAt!: string;

  @ApiProperty({ type: WorkerExportProfileDto })
  profile!: WorkerExportProfileDto;

  @ApiProperty({ type: [ConsentRecordDto] })
  consents!: ConsentRecordDto[];

  @ApiProperty({ type: [ExportedBookingDto] })
  bookings!: ExportedBookingDto[];

  @ApiProperty({ type: [ExportedRatingDto], description: 'from employers' })
  ratingsReceived!: ExportedRatingDto[];

  @ApiProperty({ type: [ExportedRatingDto], description: 'given to employers' })
  ratingsGiven!: ExportedRatingDto[];

  @ApiProperty({ type: [ExportedApplicationDto] })
  applications!: ExportedApplicationDto[];

  @ApiProperty({ type: [ExportedReportDto] })
  reports!: ExportedReportDto[];
}

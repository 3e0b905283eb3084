import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { offerStatuses, type OfferStatus } from '../offer.entity';

@ApiSchema({ name: 'Offer', description: 'An SMS offer of a shift to a seeker.' })
export class OfferDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  shiftId!: string;

  @ApiProperty({ enum: offerStatuses })
  status!: OfferStatus;

  @ApiProperty({ description: 'the candidate score when offered, 0–100' })
  score!: number;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}

@ApiSchema({ name: 'DeclinedOffer' })
export class DeclinedOfferDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  shiftId!: string;

  @ApiProperty({ enum: offerStatuses })
  status!: OfferStatus;
}

@ApiSchema({ name: 'OffersMade' })
export class OffersMadeDto {
  @ApiProperty({ type: 'integer', description: 'how many seekers were sent an offer' })
  offered!: number;
}

const outcomes = [
  'accepted',
  'declined',
  'too_late',
  'refused',
  'attendance_confirmed',
  'booking_cancelled',
  'unsubscribed',
  'help',
] as const;

@ApiSchema({ name: 'InboundSmsOutcome' })
export class InboundSmsOutcomeDto {
  @ApiProperty({
    enum: outcomes,
    description:
      'what the reply did: 1 accepts the latest open offer (or confirms the evening question), 2 declines it (or cancels), T/TD unsubscribes, anything else gets a help text',
  })
  outcome!: (typeof outcomes)[number];
}

@ApiSchema({ name: 'ReceiptRecorded' })
export class ReceiptRecordedDto {
  @ApiProperty({ enum: [true] })
  recorded!: true;
}

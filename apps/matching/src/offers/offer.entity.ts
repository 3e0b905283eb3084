import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** `withdrawn`: the market took back an open offer (the seeker erased their data or no longer consents to SMS, the shift closed or starts too soon). */
export const offerStatuses = ['pending', 'accepted', 'declined', 'expired', 'too_late', 'withdrawn'] as const;
export type OfferStatus = (typeof offerStatuses)[number];

/** A shift offered to one seeker by SMS; answered by page, API or a reply of 1 / 2, or left to expire. */
@Entity('offers')
@Index('offers_one_per_shift_and_seeker', ['shiftId', 'workerId'], { unique: true })
@Index('offers_phone_pending', ['phone', 'createdAt'], { where: `"status" = 'pending'` })
@Index('offers_pending_expiry', ['expiresAt'], { where: `"status" = 'pending'` })
export class Offer {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'shift_id', type: 'uuid' })
  shiftId!: string;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId!: string;

  /** Where the offer went, so a reply from this phone finds it; null once the seeker erased their data. */
  @Column({ type: 'varchar', length: 11, nullable: true })
  phone!: string | null;

  @Column({ type: 'double precision' })
  score!: number;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: OfferStatus;

  /** Until its SMS is sent, when it would expire if sent as planned; set for good at the send (the time to answer counts from then). */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  /** When its SMS was handed to the sender: never in the quiet hours. Null while it waits for the morning. */
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'booking_id', type: 'uuid', nullable: true })
  bookingId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** `withdrawn`: the seeker erased their data while the offer was open. */
export type OfferStatus = 'pending' | 'accepted' | 'declined' | 'expired' | 'too_late' | 'withdrawn';

/** A shift offered to one seeker by SMS; answered by page, API or a reply of 1 / 2, or left to expire. */
@Entity('offers')
@Index('offers_one_per_shift_and_seeker', ['shiftId', 'workerId'], { unique: true })
@Index('offers_phone_pending', ['phone', 'createdAt'], { where: `"status" = 'pending'` })
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

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'booking_id', type: 'uuid', nullable: true })
  bookingId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;
}

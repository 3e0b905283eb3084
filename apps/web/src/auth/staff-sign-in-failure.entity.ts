import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Failed staff sign-ins in a row for one phone (staff account or not), and how long it is locked. */
@Entity('staff_sign_in_failures')
@Index('staff_sign_in_failures_last_failed', ['lastFailedAt'])
export class StaffSignInFailure {
  @PrimaryColumn({ type: 'varchar', length: 11 })
  phone!: string;

  @Column({ type: 'int' })
  failures!: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'last_failed_at', type: 'timestamptz' })
  lastFailedAt!: Date;
}

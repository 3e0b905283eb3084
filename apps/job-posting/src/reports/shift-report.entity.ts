import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const reportReasons = ['fake', 'unpaid', 'unsafe', 'other'] as const;
export type ReportReason = (typeof reportReasons)[number];

/** A seeker's report on a shift (fake, unpaid wages, unsafe); staff review it and may suspend the employer. */
@Entity('shift_reports')
@Index('shift_reports_shift', ['shiftId'])
@Index('shift_reports_open_employer', ['employerId'], { where: `"status" = 'open'` })
export class ShiftReport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'shift_id', type: 'uuid' })
  shiftId!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId!: string;

  @Column({ type: 'varchar', length: 16 })
  reason!: ReportReason;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  detail!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: 'open' | 'reviewed';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ApplicationStatus = 'pending' | 'accepted' | 'rejected' | 'withdrawn';

/** A seeker asking for a place on a shift; the employer accepts (making a booking) or rejects. */
@Entity('applications')
@Index('applications_one_open_per_shift', ['shiftId', 'workerId'], { unique: true, where: `"status" IN ('pending', 'accepted')` })
@Index('applications_worker', ['workerId', 'createdAt'])
export class Application {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'shift_id', type: 'uuid' })
  shiftId!: string;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: ApplicationStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}

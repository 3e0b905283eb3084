import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const consentPurposes = ['data_processing', 'sms_alerts', 'priority_group'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

/** PIPL: each consent given or withdrawn, with who recorded it, when, for what, and where. */
@Entity('worker_consents')
@Index('worker_consents_worker', ['workerId', 'recordedAt'])
export class WorkerConsent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId!: string;

  @Column({ type: 'varchar', length: 24 })
  purpose!: ConsentPurpose;

  @Column({ type: 'boolean' })
  granted!: boolean;

  /** The account that recorded it: the seeker themselves, or the staff member at the desk. */
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column({ type: 'varchar', length: 8 })
  channel!: 'self' | 'desk' | 'sms';

  /** Where at the market, for a consent given at a desk (综合服务区 1 号窗口); null when given online or by SMS. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  location!: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An employer (用工方): one per employer account; staff may also register one for a walk-in. */
@Entity('employers')
// The office's review lists: employers still to verify, and those suspended, newest first.
@Index('employers_unverified', ['createdAt'], { where: '"verified_at" IS NULL' })
@Index('employers_suspended', ['createdAt'], { where: '"suspended_at" IS NOT NULL' })
export class Employer {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'account_id', type: 'uuid', unique: true, nullable: true })
  accountId!: string | null;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'contact_name', type: 'varchar', length: 50 })
  contactName!: string;

  @Column({ type: 'varchar', length: 20 })
  street!: string;

  @Column({ type: 'varchar', length: 200 })
  address!: string;

  /** 统一社会信用代码, GB 32100 checked. */
  @Column({ type: 'varchar', length: 18, nullable: true })
  uscc!: string | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'suspended_at', type: 'timestamptz', nullable: true })
  suspendedAt!: Date | null;

  @Column({ name: 'suspension_reason', type: 'varchar', length: 500, nullable: true })
  suspensionReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, JoinColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EmploymentType, PayUnit, Settlement, ShiftCategory, ShiftStatus } from '@lingong/domain';
import { Employer } from '../employers/employer.entity';

@Entity('shifts')
@Check('shifts_ends_after_starts', '"ends_at" > "starts_at"')
@Check('shifts_headcount_range', '"headcount" BETWEEN 1 AND 500')
@Check('shifts_filled_range', '"filled" >= 0 AND "filled" <= "headcount"')
@Check('shifts_pay_positive', '"pay_amount_fen" > 0')
@Index('shifts_board', ['status', 'startsAt', 'id'])
@Index('shifts_employer', ['employerId', 'createdAt'])
@Index('shifts_published', ['publishedAt'], { where: '"published_at" IS NOT NULL' })
/** The open shifts with what the kiosk's figures count (migration 1797700200000). */
@Index('shifts_open_figures', { synchronize: false })
export class Shift {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id' })
  employer?: Employer;

  @Column({ type: 'varchar', length: 60 })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'varchar', length: 20 })
  category!: ShiftCategory;

  @Column({ name: 'employment_type', type: 'varchar', length: 16 })
  employmentType!: EmploymentType;

  @Column({ type: 'varchar', length: 20 })
  street!: string;

  @Column({ type: 'varchar', length: 200 })
  address!: string;

  @Column({ type: 'double precision' })
  lat!: number;

  @Column({ type: 'double precision' })
  lng!: number;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'int' })
  headcount!: number;

  /** People booked; moved only by the conditional updates that book and cancel (and zeroed when the shift is cancelled). */
  @Column({ type: 'int', default: 0 })
  filled!: number;

  @Column({ name: 'pay_amount_fen', type: 'int' })
  payAmountFen!: number;

  @Column({ name: 'pay_unit', type: 'varchar', length: 8 })
  payUnit!: PayUnit;

  @Column({ type: 'varchar', length: 16 })
  settlement!: Settlement;

  @Column({ name: 'required_skills', type: 'text', array: true, default: () => "'{}'" })
  requiredSkills!: string[];

  @Column({ name: 'required_certificates', type: 'text', array: true, default: () => "'{}'" })
  requiredCertificates!: string[];

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: ShiftStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason!: string | null;

  /** Set by a trigger from lat/lng; `near` and `sort=distance` use its GiST index. */
  @Index('shifts_location', { spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326, select: false, insert: false, update: false })
  location?: unknown;

  /** Set by a trigger: distinct two-character substrings of title and description, for Chinese search (`q=搬运`). */
  @Index('shifts_search_bigrams', { synchronize: false })
  @Column({ name: 'search_bigrams', type: 'text', array: true, select: false, insert: false, update: false })
  searchBigrams?: string[];
}

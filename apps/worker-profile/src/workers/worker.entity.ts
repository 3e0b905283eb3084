import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PriorityGroup } from '@lingong/domain';

export interface WorkerSkill {
  code: string;
  years: number;
}
export interface WorkerCertificate {
  code: string;
  expiresOn: string;
}
export interface WeeklyAvailability {
  day: number;
  start: string;
  end: string;
}

/** A job seeker (零工). Registered by themselves or, for walk-ins, by staff with consent. */
@Entity('workers')
@Index('workers_skills', { synchronize: false })
/** Who is free at a minute of the week (matching's eligibility; migration 1796700400000). */
@Index('workers_availability', { synchronize: false })
@Index('workers_street', ['street'])
/** The staff directory's order: newest first, keyset-paged by (created_at, id). */
@Index('workers_directory', ['createdAt', 'id'], { where: `"status" <> 'erased'` })
/** Each street's SMS takers in id order, for a shift's alert phones (migration 1797700000000). */
@Index('workers_alert_audience', { synchronize: false })
@Index('workers_alert_audience_first', { synchronize: false })
/** What changed since matching's seeker pool last looked (migration 1797500000000). */
@Index('workers_changed', ['changedAt'])
@Check('workers_max_distance_range', `"max_distance_km" BETWEEN 1 AND 100`)
export class Worker {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'account_id', type: 'uuid', unique: true, nullable: true })
  accountId!: string | null;

  /** Null once the person has erased their data; their history stays, anonymous. */
  @Column({ type: 'varchar', length: 11, unique: true, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 50 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  street!: string;

  @Column({ type: 'double precision', nullable: true })
  lat!: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng!: number | null;

  @Column({ name: 'max_distance_km', type: 'int', default: 10 })
  maxDistanceKm!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  skills!: WorkerSkill[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  certificates!: WorkerCertificate[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  availability!: WeeklyAvailability[];

  /**
   * The same windows as minutes of the week (Monday 00:00 = 0, market time), for matching's index:
   * a trigger derives it whenever availability is written (migration 1796700000000), so it is
   * never read or written here.
   */
  @Column({ name: 'availability_minutes', type: 'int4multirange', default: () => "'{}'", select: false, insert: false, update: false })
  availabilityMinutes?: string;

  @Column({ name: 'expected_daily_pay_fen', type: 'int', nullable: true })
  expectedDailyPayFen!: number | null;

  @Column({ name: 'has_smartphone', type: 'boolean', default: true })
  hasSmartphone!: boolean;

  @Column({ name: 'consent_data_processing_at', type: 'timestamptz' })
  consentDataProcessingAt!: Date;

  /** Alerts about new gigs need this; service messages (codes, bookings) do not. */
  @Column({ name: 'consent_sms', type: 'boolean', default: false })
  consentSms!: boolean;

  @Column({ name: 'sms_opt_out_at', type: 'timestamptz', nullable: true })
  smsOptOutAt!: Date | null;

  @Column({ name: 'priority_group', type: 'varchar', length: 24, default: 'none' })
  priorityGroup!: PriorityGroup;

  /** Real-name verification, optional: a keyed hash of the resident ID and its last four characters, never the number. */
  @Column({ name: 'resident_id_hash', type: 'varchar', length: 64, nullable: true, unique: true })
  residentIdHash!: string | null;

  @Column({ name: 'resident_id_last4', type: 'varchar', length: 4, nullable: true })
  residentIdLast4!: string | null;

  /**
   * The keyed hash of a resident ID this seeker gave online that another profile already held:
   * kept here instead of `residentIdHash`, for staff to check against the card at the desk. The
   * seeker is told nothing different (RESIDENT_ID_TAKEN would tell a stranger whose ID is registered).
   */
  @Column({ name: 'resident_id_conflict_hash', type: 'varchar', length: 64, nullable: true })
  residentIdConflictHash!: string | null;

  /** Home, set by a trigger from lat/lng; eligibility checks in SQL measure from it (`ST_DWithin`), matching's seeker pool from lat/lng. */
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326, nullable: true, select: false, insert: false, update: false })
  location?: unknown;

  /**
   * When a matching fact of this row last changed: a trigger sets it on every write (migration
   * 1797500000000), and matching's seeker pool reads what changed since its last look.
   */
  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()', select: false, insert: false, update: false })
  changedAt?: Date;

  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: 'active' | 'inactive' | 'erased';

  @Column({ name: 'registered_by', type: 'uuid', nullable: true })
  registeredBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

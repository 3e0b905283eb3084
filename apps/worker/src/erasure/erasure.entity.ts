import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One seeker's erasure as the worker app carries it out across the services (see ErasureService).
 * No phone or name: `phoneHash` is a keyed hash, kept only while events written before the erasure
 * may still be in flight, so that none of them can write the phone into the SMS log again.
 */
@Entity('erasures')
@Index('erasures_phone_hash', ['phoneHash'], { where: '"phone_hash" IS NOT NULL' })
export class Erasure {
  @PrimaryColumn({ name: 'worker_id', type: 'uuid' })
  workerId!: string;

  /** HMAC of the phone (RESIDENT_ID_KEY); null once no event from before the erasure can still be in flight. */
  @Column({ name: 'phone_hash', type: 'varchar', length: 64, nullable: true })
  phoneHash!: string | null;

  @Column({ name: 'erased_at', type: 'timestamptz' })
  erasedAt!: Date;

  /** When every service had erased its part: the outcome staff (and tests) wait for. */
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}

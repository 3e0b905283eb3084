import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One rating each way per completed booking: the employer rates the worker, the worker the employer. */
@Entity('ratings')
@Unique('ratings_once_per_side', ['bookingId', 'rater'])
@Check('ratings_stars_range', '"stars" BETWEEN 1 AND 5')
export class Rating {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId!: string;

  @Column({ type: 'varchar', length: 8 })
  rater!: 'employer' | 'worker';

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @Column({ type: 'int' })
  stars!: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  comment!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

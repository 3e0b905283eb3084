import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface PlannedAssignment {
  shiftId: string;
  workerId: string;
  score: number;
}

/** 劳务对接: a proposed assignment of seekers to shifts, which staff review and then confirm. */
@Entity('dispatch_plans')
export class DispatchPlan {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'shift_ids', type: 'uuid', array: true })
  shiftIds!: string[];

  @Column({ type: 'jsonb' })
  assignments!: PlannedAssignment[];

  @Column({ type: 'jsonb' })
  unfilled!: { shiftId: string; missing: number }[];

  @Column({ name: 'total_score', type: 'double precision' })
  totalScore!: number;

  /** What a greedy pass (best score first) would have reached on the same input. */
  @Column({ name: 'greedy_total_score', type: 'double precision' })
  greedyTotalScore!: number;

  @Column({ type: 'varchar', length: 16, default: 'proposed' })
  status!: 'proposed' | 'confirming' | 'confirmed';

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When confirming began; a plan still `confirming` long after was interrupted and is finished by running it again. */
  @Column({ name: 'confirm_started_at', type: 'timestamptz', nullable: true })
  confirmStartedAt!: Date | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  /** The solver's total before staff changed the plan by hand; null while unchanged. */
  @Column({ name: 'solver_total_score', type: 'double precision', nullable: true })
  solverTotalScore!: number | null;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt!: Date | null;

  @Column({ name: 'edited_by', type: 'varchar', length: 64, nullable: true })
  editedBy!: string | null;

  /** Per assignment, what confirming it gave: a booking id or the refusal's code. */
  @Column({ type: 'jsonb', nullable: true })
  outcome!: { shiftId: string; workerId: string; bookingId?: string; code?: string }[] | null;
}

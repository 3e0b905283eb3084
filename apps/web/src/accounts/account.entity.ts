import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { AccountRole } from '@lingong/identity';

/** A sign-in identity. One phone may hold a worker and an employer account; staff sign in with a password. */
@Entity('accounts')
@Unique('accounts_phone_role', ['phone', 'role'])
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 11 })
  phone!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: AccountRole;

  @Column({ type: 'varchar', length: 50, nullable: true })
  name!: string | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 200, nullable: true, select: false })
  passwordHash!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Set by an admin (a staff member who left, a lost password): no sign-in, and every token refused at once. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  /**
   * Carried in each token (`gen`); the access guard, reading it on every request, refuses tokens of
   * an older generation. Disabling moves it on, so tokens issued before stay refused after an enable.
   */
  @Column({ name: 'token_generation', type: 'int', default: 0 })
  tokenGeneration!: number;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A sign-in code sent by SMS. Only its keyed hash is kept. */
@Entity('otp_codes')
@Index('otp_codes_phone_created', ['phone', 'createdAt'])
export class OtpCode {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 11 })
  phone!: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'consumed_at', type: 'timestamptz', nullable: true })
  consumedAt!: Date | null;

  @Column({ name: 'requested_from', type: 'varchar', length: 64, nullable: true })
  requestedFrom!: string | null;

  /** Set from the app's clock: the rate-limit windows are measured against it. */
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * `failed`: the gateway refused it for good (or the person erased their data); `expired`: it could
 * not be sent before it stopped mattering (see `mattersUntil`), so it was given up.
 */
export type NotificationStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'expired';

/**
 * One SMS. The unique dedupe key (event id + phone + kind) is written before the send, so an
 * event handled twice still yields one message.
 */
@Entity('notifications')
@Index('notifications_phone_created', ['phone', 'createdAt'])
@Index('notifications_provider_message', ['providerMessageId'])
@Index('notifications_worker', ['workerId'], { where: '"worker_id" IS NOT NULL' })
@Index('notifications_created', ['createdAt'])
@Index('notifications_unsent', ['updatedAt'], { where: `"status" IN ('queued', 'sending')` })
@Index('notifications_batch', ['batchId'], { where: '"batch_id" IS NOT NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, unique: true })
  dedupeKey!: string;

  @Column({ type: 'varchar', length: 11 })
  phone!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  /** The seeker the message is about (to them, or to an employer naming them), so erasing them finds it. */
  @Column({ name: 'worker_id', type: 'uuid', nullable: true })
  workerId!: string | null;

  /** When what it tells of happened: erasing a phone scrubs the messages caused before, not a new owner's after. */
  @Column({ name: 'caused_at', type: 'timestamptz', nullable: true })
  causedAt!: Date | null;

  /** For a sign-in code, the text with CODE_PLACEHOLDER where the code goes: the code is never stored in the clear. */
  @Column({ type: 'varchar', length: 500 })
  text!: string;

  /** A sign-in code, sealed (libs/identity sealText); put into the text only when it is sent. */
  @Column({ name: 'sealed_code', type: 'varchar', length: 200, nullable: true })
  sealedCode!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status!: NotificationStatus;

  /** Sent through the `sms-urgent` queue (sign-in codes, offers, changes to today's work), never behind alerts. */
  @Column({ type: 'boolean', default: false })
  urgent!: boolean;

  /** The job that sends it together with others (a shift's alerts, on `notifications`); null when it has a job of its own, id = its id. */
  @Column({ name: 'batch_id', type: 'varchar', length: 100, nullable: true })
  batchId!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  provider!: string | null;

  @Column({ name: 'provider_message_id', type: 'varchar', length: 100, nullable: true })
  providerMessageId!: string | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Not before this time: non-urgent messages written in quiet hours wait for 07:00. */
  @Column({ name: 'send_after', type: 'timestamptz', nullable: true })
  sendAfter!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /**
   * When the message stops mattering (a sign-in code's expiry, a reminder's shift start, an
   * offer's expiry): retried until sent or until then, when it ends `expired`.
   */
  @Column({ name: 'matters_until', type: 'timestamptz', nullable: true })
  mattersUntil!: Date | null;
}

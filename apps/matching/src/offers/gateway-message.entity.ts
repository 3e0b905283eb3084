import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A signed request from the SMS gateway that was acted on (a reply, a delivery receipt), kept for
 * a while so that the same request again (a replay, or a gateway resending) is answered with the
 * first answer and acted on once. `answer` is null while the first request is being handled.
 */
@Entity('gateway_messages')
@Index('gateway_messages_expires', ['expiresAt'])
export class GatewayMessage {
  /** `inbound:id:<gateway message id>`, else `<route>:sig:<signature>`. */
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ type: 'jsonb', nullable: true })
  answer!: Record<string, unknown> | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}

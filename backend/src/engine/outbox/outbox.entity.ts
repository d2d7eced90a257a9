import { Column, Entity, Index } from 'typeorm';
import { BigintPrimaryColumn, CreatedAtColumn, TimestamptzColumn } from '../database/columns';

/**
 * Transactional outbox: a row written in the same transaction as the change it announces;
 * the worker's relay hands it to BullMQ and stamps published_at, so a Redis outage delays
 * work but never loses it.
 */
@Entity('outbox')
@Index('ix_outbox_pending', ['id'], { where: 'published_at IS NULL' })
export class OutboxEntity {
  @BigintPrimaryColumn()
  id: string;

  @Column({ type: 'text' })
  topic: string;

  @Column({ name: 'aggregate_id', type: 'text' })
  aggregateId: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestamptzColumn('published_at', { nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}

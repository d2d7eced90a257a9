import { Check, Column, Entity, Index } from 'typeorm';
import { BigintPrimaryColumn, CreatedAtColumn, ForeignKey, TimestamptzColumn } from '../../engine/database/columns';
import { ReportEntity } from '../report-record/report.entity';

export type ReporterSecretKind = 'filing' | 'message';

/**
 * What lets a reporter act on their ticket, stored as a SHA-256 hash only: the secret given once
 * in the filing answer, and the link token of each message sent to them (with an expiry).
 */
@Entity('reporter_secret')
@Index('uq_reporter_secret_filing', ['report'], { unique: true, where: `kind = 'filing'` })
@Index('uq_reporter_secret_notification', ['notification'], { unique: true, where: 'notification_id IS NOT NULL' })
@Index('ix_reporter_secret_report', ['report'])
@Check('ck_reporter_secret_kind', `kind IN ('filing', 'message')`)
@Check('ck_reporter_secret_hash', 'octet_length(secret_hash) = 32')
@Check('ck_reporter_secret_message', `kind = 'filing' OR (notification_id IS NOT NULL AND expires_at IS NOT NULL)`)
export class ReporterSecretEntity {
  @BigintPrimaryColumn()
  id: string;

  @ForeignKey(() => ReportEntity, 'report_id', 'reporter_secret_report_id_fkey', { nullable: false, onDelete: 'CASCADE' })
  report?: ReportEntity;

  @Column({ type: 'text' })
  kind: ReporterSecretKind;

  @Column({ name: 'secret_hash', type: 'bytea' })
  secretHash: Buffer;

  // Named, not imported: notifications depends on reporter-access to mint message links (modules import no cycle).
  @ForeignKey('NotificationEntity', 'notification_id', 'reporter_secret_notification_id_fkey', { onDelete: 'CASCADE' })
  notification?: { id: string } | null;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestamptzColumn('expires_at', { nullable: true })
  expiresAt: Date | null;
}

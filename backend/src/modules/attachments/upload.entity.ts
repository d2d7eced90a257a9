import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, TimestamptzColumn, UuidPrimaryColumn } from '../../engine/database/columns';

/** A re-encoded photo in the store: the columns an upload keeps when it becomes an attachment. */
export abstract class StoredPhoto {
  @UuidPrimaryColumn()
  id: string;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'integer' })
  width: number;

  @Column({ type: 'integer' })
  height: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @CreatedAtColumn()
  createdAt: Date;
}

/** A photo received and re-encoded but not yet attached to a report (unclaimed ones expire). */
@Entity('upload')
@Index('ix_upload_unclaimed', ['createdAt'], { where: 'claimed_at IS NULL' })
export class UploadEntity extends StoredPhoto {
  @TimestamptzColumn('claimed_at', { nullable: true })
  claimedAt: Date | null;
}

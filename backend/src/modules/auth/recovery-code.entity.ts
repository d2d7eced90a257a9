import { Column, Entity, Unique } from 'typeorm';
import { BigintPrimaryColumn, CreatedAtColumn, ForeignKey, TimestamptzColumn } from '../../engine/database/columns';
import { AppUserEntity } from '../users/app-user.entity';

/** A one-time recovery code of a staff account's second factor, kept as its SHA-256 only. */
@Entity('user_recovery_code')
@Unique('uq_user_recovery_code', ['user', 'codeHash'])
export class RecoveryCodeEntity {
  @BigintPrimaryColumn()
  id: string;

  @ForeignKey(() => AppUserEntity, 'user_id', 'user_recovery_code_user_id_fkey', { nullable: false, onDelete: 'CASCADE' })
  user?: AppUserEntity;

  @Column({ name: 'code_hash', type: 'text' })
  codeHash: string;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestamptzColumn('used_at', { nullable: true })
  usedAt: Date | null;
}

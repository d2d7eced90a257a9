import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type UserRole = 'operator' | 'ward_official' | 'department_official' | 'leader' | 'admin';
export const USER_ROLES: UserRole[] = ['operator', 'ward_official', 'department_official', 'leader', 'admin'];

@Entity('app_user')
@Unique('uq_app_user_username', ['username'])
@Check('ck_app_user_official_unit', "role NOT IN ('ward_official', 'department_official') OR unit_id IS NOT NULL")
export class AppUserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  username: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Column({ type: 'enum', enum: USER_ROLES, enumName: 'user_role' })
  role: UserRole;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  // Named, not imported: units depends on auth, which depends on users (modules import no cycle).
  @ManyToOne('HandlingUnitEntity')
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'app_user_unit_id_fkey' })
  unit?: { id: string } | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;
}

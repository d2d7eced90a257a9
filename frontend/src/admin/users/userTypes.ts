import type { Role } from '../../auth/authTypes';

export interface StaffAccount {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  unit: { id: string; code: string; name: string; nameEn: string; kind: string } | null;
  email: string | null;
  phone: string | null;
  active: boolean;
  mustChangePassword: boolean;
  secondFactorEnrolled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface StaffPage {
  items: StaffAccount[];
  total: number;
}

export interface NewStaffBody {
  username: string;
  fullName: string;
  role: Role;
  unitId: string | null;
  email: string | null;
  phone: string | null;
}

export interface ImportProblem {
  line: number;
  field: string;
  rule: string;
  message: string;
  messageVi: string;
}

export interface ImportResult {
  dryRun: boolean;
  valid: number;
  problems: ImportProblem[];
  created: (StaffAccount & { temporaryPassword: string })[];
}

import type { UserRole } from '../users/app-user.entity';

/** Who is calling, as carried in the access token. Anonymous callers have no principal. */
export interface Principal {
  userId: string;
  username: string;
  role: UserRole;
  unitId: string | null;
}

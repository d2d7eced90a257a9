import { createContext } from 'react';
import type { Audience, AuthUser } from './authTypes';

export type AuthStatus = 'restoring' | 'anonymous' | 'signedIn';

export interface AuthContextValue {
  status: AuthStatus;
  user: AuthUser | null;
  token: string | null;
  /** Who the visitor is for the route table: their role, or citizen without a session. */
  audience: Audience;
  login(username: string, password: string): Promise<AuthUser>;
  logout(): void;
  /** The signed-in user changed (a new password, a second factor): the API's answer replaces it. */
  updateUser(user: AuthUser): void;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

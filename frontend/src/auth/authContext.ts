import { createContext } from 'react';
import type { Audience, AuthUser } from './roles';

/** A sign-in either completes, or asks for a code from the authenticator app. */
export type SignInResult = { kind: 'signedIn'; user: AuthUser } | { kind: 'secondFactor'; challengeToken: string };

export type AuthStatus = 'restoring' | 'anonymous' | 'signedIn';

export interface AuthContextValue {
  status: AuthStatus;
  user: AuthUser | null;
  token: string | null;
  /** Who the visitor is for the route table: their role, or citizen without a session. */
  audience: Audience;
  login(username: string, password: string): Promise<SignInResult>;
  /** The second step: the challenge of the password step and a code (or a recovery code). */
  completeSecondFactor(challengeToken: string, code: string): Promise<AuthUser>;
  /** The session ended here (signed out everywhere from this tab): forget it without asking the server. */
  forget(): void;
  logout(): void;
  /** The signed-in user changed (a new password, a second factor): the API's answer replaces it. */
  updateUser(user: AuthUser): void;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

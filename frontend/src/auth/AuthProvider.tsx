import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/httpClient';
import { fetchCurrentUser, requestLogin } from './authApi';
import { AuthContext, type AuthContextValue, type AuthStatus } from './authContext';
import type { AuthUser } from './authTypes';
import { clearSession, readSession, writeSession } from './sessionStore';

interface SessionState {
  status: AuthStatus;
  user: AuthUser | null;
  token: string | null;
  expiresAt: number | null;
}

const ANONYMOUS: SessionState = { status: 'anonymous', user: null, token: null, expiresAt: null };

// setTimeout overflows past 2^31-1 ms (~24.8 days) and would fire at once.
const MAX_TIMER_MS = 2_147_483_647;

function initialState(): SessionState {
  const stored = readSession();
  return stored
    ? { status: 'restoring', user: null, token: stored.accessToken, expiresAt: stored.expiresAt }
    : ANONYMOUS;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>(initialState);

  // A token kept from before a reload is trusted only after the API confirms who it belongs to.
  useEffect(() => {
    if (session.status !== 'restoring' || !session.token) return;
    const controller = new AbortController();
    const { token, expiresAt } = session;
    fetchCurrentUser(token, controller.signal)
      .then((user) => setSession({ status: 'signedIn', user, token, expiresAt }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        // Only a refusal of the token ends the session; an unreachable server leaves it for the next reload.
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) clearSession();
        setSession(ANONYMOUS);
      });
    return () => controller.abort();
  }, [session]);

  useEffect(() => {
    if (session.status !== 'signedIn' || session.expiresAt === null) return;
    const timer = window.setTimeout(() => {
      clearSession();
      setSession(ANONYMOUS);
    }, Math.min(Math.max(0, session.expiresAt - Date.now()), MAX_TIMER_MS));
    return () => window.clearTimeout(timer);
  }, [session]);

  const login = useCallback(async (username: string, password: string) => {
    const response = await requestLogin(username, password);
    const expiresAt = Date.now() + response.expiresIn * 1000;
    writeSession({ accessToken: response.accessToken, expiresAt });
    setSession({ status: 'signedIn', user: response.user, token: response.accessToken, expiresAt });
    return response.user;
  }, []);

  const logout = useCallback(() => {
    clearSession();
    setSession(ANONYMOUS);
  }, []);

  const value = useMemo<AuthContextValue>(
    () => ({
      status: session.status,
      user: session.user,
      token: session.token,
      audience: session.user?.role ?? 'citizen',
      login,
      logout,
    }),
    [session, login, logout],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, TOKEN_REFUSED_EVENT } from '../api/apiError';
import { fetchCurrentUser, requestLogin, requestLogout, requestRefresh, requestSecondFactorLogin, type LoginResponse } from './authQueries';
import { AuthContext, type AuthContextValue, type AuthStatus, type SignInResult } from './authContext';
import type { AuthUser } from './roles';
import { clearSession, readSession, writeSession } from './sessionStore';

interface SessionState {
  status: AuthStatus;
  user: AuthUser | null;
  token: string | null;
  expiresAt: number | null;
  refreshToken: string | null;
}

const ANONYMOUS: SessionState = { status: 'anonymous', user: null, token: null, expiresAt: null, refreshToken: null };

// setTimeout overflows past 2^31-1 ms (~24.8 days) and would fire at once.
const MAX_TIMER_MS = 2_147_483_647;
/** The access token is renewed this long before it expires, so a request never carries a dead one. */
const REFRESH_AHEAD_MS = 60_000;
/** After a failed renewal that was not a refusal (network, 503), try again this soon. */
const REFRESH_RETRY_MS = 15_000;

function initialState(): SessionState {
  const stored = readSession();
  return stored
    ? { status: 'restoring', user: null, token: stored.accessToken, expiresAt: stored.expiresAt, refreshToken: stored.refreshToken ?? null }
    : ANONYMOUS;
}

function signedIn(response: LoginResponse): SessionState {
  const expiresAt = Date.now() + response.expiresIn * 1000;
  writeSession({ accessToken: response.accessToken, expiresAt, refreshToken: response.refreshToken });
  return { status: 'signedIn', user: response.user, token: response.accessToken, expiresAt, refreshToken: response.refreshToken };
}

/** A refusal of the session (401/403) ends it here too; anything else may pass. */
const refused = (error: unknown) => error instanceof ApiError && (error.status === 401 || error.status === 403);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>(initialState);

  // A session kept from before a reload is trusted only after the API confirms who it belongs to;
  // an access token that expired meanwhile is renewed first.
  useEffect(() => {
    if (session.status !== 'restoring' || !session.token) return;
    const controller = new AbortController();
    const { token, expiresAt, refreshToken } = session;
    const restore =
      expiresAt !== null && expiresAt <= Date.now() && refreshToken
        ? requestRefresh(refreshToken).then(signedIn)
        : fetchCurrentUser(token, controller.signal).then((user): SessionState => ({
            status: 'signedIn',
            user,
            token,
            expiresAt,
            refreshToken,
          }));
    restore
      .then((next) => {
        if (!controller.signal.aborted) setSession(next);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        // Only a refusal ends the session; an unreachable server leaves it for the next reload.
        if (refused(error)) clearSession();
        setSession(ANONYMOUS);
      });
    return () => controller.abort();
  }, [session]);

  // Renew the access token a minute before it expires; without a refresh token, sign out when it does.
  useEffect(() => {
    if (session.status !== 'signedIn' || session.expiresAt === null) return;
    const { expiresAt, refreshToken } = session;
    let cancelled = false;
    const end = () => {
      clearSession();
      setSession(ANONYMOUS);
    };
    const renew = () => {
      if (!refreshToken) return end();
      requestRefresh(refreshToken)
        .then((response) => {
          if (!cancelled) setSession(signedIn(response));
        })
        .catch((error: unknown) => {
          if (cancelled) return;
          if (refused(error) || Date.now() >= expiresAt) return end();
          timer = window.setTimeout(renew, REFRESH_RETRY_MS);
        });
    };
    // A minute ahead, or half the token's life when it is shorter, so that renewals never follow each other at once.
    const left = expiresAt - Date.now();
    const lead = refreshToken ? Math.min(REFRESH_AHEAD_MS, left / 2) : 0;
    let timer = window.setTimeout(renew, Math.min(Math.max(0, left - lead), MAX_TIMER_MS));
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [session]);

  // Any request refused with this session's token ends the session here too (disabled, signed out elsewhere).
  useEffect(() => {
    if (session.status !== 'signedIn' || !session.token) return;
    const current = session.token;
    const onRefused = (event: Event) => {
      if ((event as CustomEvent<string>).detail !== current) return;
      clearSession();
      setSession(ANONYMOUS);
    };
    window.addEventListener(TOKEN_REFUSED_EVENT, onRefused);
    return () => window.removeEventListener(TOKEN_REFUSED_EVENT, onRefused);
  }, [session]);

  const login = useCallback(async (username: string, password: string): Promise<SignInResult> => {
    const response = await requestLogin(username, password);
    if ('secondFactorRequired' in response) return { kind: 'secondFactor', challengeToken: response.challengeToken };
    setSession(signedIn(response));
    return { kind: 'signedIn', user: response.user };
  }, []);

  const completeSecondFactor = useCallback(async (challengeToken: string, code: string) => {
    const response = await requestSecondFactorLogin(challengeToken, code);
    setSession(signedIn(response));
    return response.user;
  }, []);

  const forget = useCallback(() => {
    clearSession();
    setSession(ANONYMOUS);
  }, []);

  // The session ends on the server too, so the tokens left in this tab are worth nothing.
  const logout = useCallback(() => {
    if (session.token) void requestLogout(session.token).catch(() => undefined);
    clearSession();
    setSession(ANONYMOUS);
  }, [session.token]);

  const updateUser = useCallback((user: AuthUser) => setSession((s) => (s.status === 'signedIn' ? { ...s, user } : s)), []);

  const value = useMemo<AuthContextValue>(
    () => ({
      status: session.status,
      user: session.user,
      token: session.token,
      audience: session.user?.role ?? 'citizen',
      login,
      completeSecondFactor,
      logout,
      forget,
      updateUser,
    }),
    [session, login, completeSecondFactor, logout, forget, updateUser],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

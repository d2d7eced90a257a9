import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, data, publicApi, type Schemas } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import type { AuthUser } from './roles';
import { useAuth } from './useAuth';
import { useSessionQuery } from './useSessionQuery';

export type LoginResponse = Schemas['LoginResponse'];

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

// The session's own requests: AuthProvider, the token's one home, makes them with the token it holds.

export function requestLogin(username: string, password: string) {
  return data(publicApi.POST('/api/v1/auth/login', { body: { username, password } }));
}

export function requestSecondFactorLogin(challengeToken: string, code: string) {
  return data(publicApi.POST('/api/v1/auth/login/second-factor', { body: { challengeToken, code } }));
}

export function requestRefresh(refreshToken: string) {
  return data(publicApi.POST('/api/v1/auth/refresh', { body: { refreshToken } }));
}

export function requestLogout(token: string) {
  return data(publicApi.POST('/api/v1/auth/logout', { headers: bearer(token) }));
}

export function fetchCurrentUser(token: string, signal?: AbortSignal): Promise<AuthUser> {
  return data(publicApi.GET('/api/v1/auth/me', { headers: bearer(token), signal }));
}

// The account pages: the signed-in client adds the token.

/** A new password of the user's own; the answer is the user as the API now sees them. */
export function useChangePassword() {
  const { updateUser } = useAuth();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => data(api.POST('/api/v1/auth/password', { body })),
    onSuccess: updateUser,
  });
}

export function useStartEnrolment() {
  return useMutation({ mutationFn: () => data(api.POST('/api/v1/auth/second-factor/enrol')) });
}

/** The first code from the app turns the factor on; the answer holds the recovery codes, this once. */
export function useConfirmEnrolment() {
  return useMutation({ mutationFn: (code: string) => data(api.POST('/api/v1/auth/second-factor/confirm', { body: { code } })) });
}

/** The session now counts the factor: the API's view of the user replaces the one from sign-in. */
export function useReloadUser() {
  const { updateUser } = useAuth();
  return useMutation({ mutationFn: () => data(api.GET('/api/v1/auth/me')), onSuccess: updateUser });
}

export function useSessions() {
  return useSessionQuery(queryKeys.sessions(), (signal) => data(api.GET('/api/v1/auth/sessions', { signal })));
}

export function useEndSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => data(api.DELETE('/api/v1/auth/sessions/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.sessions() }),
  });
}

export function useEndAllSessions() {
  return useMutation({ mutationFn: () => data(api.POST('/api/v1/auth/sessions/revoke-all')) });
}

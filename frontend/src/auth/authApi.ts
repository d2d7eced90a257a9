import { apiRequest } from '../api/httpClient';
import type { AuthUser, Enrolment, LoginResponse, SecondFactorChallenge, SessionInfo } from './authTypes';

export function requestLogin(username: string, password: string): Promise<LoginResponse | SecondFactorChallenge> {
  return apiRequest<LoginResponse | SecondFactorChallenge>('/auth/login', { method: 'POST', body: { username, password } });
}

export function requestSecondFactorLogin(challengeToken: string, code: string): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/auth/login/second-factor', { method: 'POST', body: { challengeToken, code } });
}

export function requestEnrolment(token: string): Promise<Enrolment> {
  return apiRequest<Enrolment>('/auth/second-factor/enrol', { method: 'POST', token });
}

export function confirmEnrolment(token: string, code: string): Promise<{ recoveryCodes: string[] }> {
  return apiRequest<{ recoveryCodes: string[] }>('/auth/second-factor/confirm', { method: 'POST', token, body: { code } });
}

export function fetchSessions(token: string, signal: AbortSignal): Promise<SessionInfo[]> {
  return apiRequest<SessionInfo[]>('/auth/sessions', { token, signal });
}

export function endSession(token: string, id: string): Promise<void> {
  return apiRequest<void>(`/auth/sessions/${id}`, { method: 'DELETE', token });
}

export function endAllSessions(token: string): Promise<{ ended: number }> {
  return apiRequest<{ ended: number }>('/auth/sessions/revoke-all', { method: 'POST', token });
}

export function requestRefresh(refreshToken: string): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/auth/refresh', { method: 'POST', body: { refreshToken } });
}

export function requestLogout(token: string): Promise<void> {
  return apiRequest<void>('/auth/logout', { method: 'POST', token });
}

export function fetchCurrentUser(token: string, signal?: AbortSignal): Promise<AuthUser> {
  return apiRequest<AuthUser>('/auth/me', { token, signal });
}

export function requestPasswordChange(token: string, currentPassword: string, newPassword: string): Promise<AuthUser> {
  return apiRequest<AuthUser>('/auth/password', { method: 'POST', token, body: { currentPassword, newPassword } });
}

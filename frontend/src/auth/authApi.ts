import { apiRequest } from '../api/httpClient';
import type { AuthUser, LoginResponse } from './authTypes';

export function requestLogin(username: string, password: string): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/auth/login', { method: 'POST', body: { username, password } });
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

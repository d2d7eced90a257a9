import { apiRequest } from '../api/httpClient';
import type { AuthUser, LoginResponse } from './authTypes';

export function requestLogin(username: string, password: string): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/auth/login', { method: 'POST', body: { username, password } });
}

export function fetchCurrentUser(token: string, signal?: AbortSignal): Promise<AuthUser> {
  return apiRequest<AuthUser>('/auth/me', { token, signal });
}

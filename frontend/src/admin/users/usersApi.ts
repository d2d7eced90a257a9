import { apiRequest } from '../../api/httpClient';
import type { ImportResult, NewStaffBody, StaffAccount, StaffPage } from './userTypes';

export function fetchStaff(query: { q: string; offset: number; limit: number }, token: string, signal: AbortSignal): Promise<StaffPage> {
  const params = new URLSearchParams({ limit: String(query.limit), offset: String(query.offset) });
  if (query.q.trim()) params.set('q', query.q.trim());
  return apiRequest<StaffPage>(`/admin/users?${params}`, { token, signal });
}

export function createStaff(body: NewStaffBody, token: string): Promise<StaffAccount & { temporaryPassword: string }> {
  return apiRequest<StaffAccount & { temporaryPassword: string }>('/admin/users', { method: 'POST', body, token });
}

export function updateStaff(id: string, body: Omit<NewStaffBody, 'username'>, token: string): Promise<StaffAccount> {
  return apiRequest<StaffAccount>(`/admin/users/${id}`, { method: 'PATCH', body, token });
}

export type StaffAction = 'disable' | 'enable' | 'reset-password' | 'reset-second-factor';

export function actOnStaff(id: string, action: StaffAction, token: string): Promise<StaffAccount | { temporaryPassword: string }> {
  return apiRequest<StaffAccount | { temporaryPassword: string }>(`/admin/users/${id}/${action}`, { method: 'POST', token });
}

export function importStaff(csv: string, dryRun: boolean, token: string): Promise<ImportResult> {
  return apiRequest<ImportResult>('/admin/users/import', { method: 'POST', body: { csv, dryRun }, token });
}

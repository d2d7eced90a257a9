import { apiRequest } from '../api/httpClient';
import type {
  AdminCategory,
  CalendarDay,
  CalendarDayKind,
  CalendarView,
  CreatePolicyBody,
  CreateRuleBody,
  HandlingUnit,
  HoursRange,
  OnTimeGrouping,
  OnTimeRow,
  RoutingRule,
  RuleQuery,
  SlaPolicy,
  WardName,
} from './adminTypes';

export function fetchCategories(signal: AbortSignal): Promise<AdminCategory[]> {
  return apiRequest<AdminCategory[]>('/categories', { signal });
}

export function fetchUnits(token: string, signal: AbortSignal): Promise<HandlingUnit[]> {
  return apiRequest<HandlingUnit[]>('/units', { token, signal });
}

/** The names of the current wards; the geometry that comes with them is not kept. */
export async function fetchWardNames(signal: AbortSignal): Promise<WardName[]> {
  const collection = await apiRequest<{ features: { properties: WardName }[] }>('/geo/wards', { signal });
  return collection.features
    .map(({ properties }) => ({ code: properties.code, name: properties.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export function fetchRoutingRules(query: RuleQuery, token: string, signal: AbortSignal): Promise<RoutingRule[]> {
  const params = new URLSearchParams();
  if (query.category) params.set('category', query.category);
  if (query.wardCode) params.set('wardCode', query.wardCode);
  if (query.activeOnly) params.set('active', 'true');
  const search = params.toString();
  return apiRequest<RoutingRule[]>(`/admin/routing-rules${search ? `?${search}` : ''}`, { token, signal });
}

export function createRoutingRule(body: CreateRuleBody, token: string): Promise<{ id: number }> {
  return apiRequest<{ id: number }>('/admin/routing-rules', { method: 'POST', body, token });
}

export function closeRoutingRule(id: number, token: string): Promise<{ id: number; closed: true }> {
  return apiRequest<{ id: number; closed: true }>(`/admin/routing-rules/${id}/close`, { method: 'POST', token });
}

export function fetchSlaPolicies(token: string, signal: AbortSignal): Promise<SlaPolicy[]> {
  return apiRequest<SlaPolicy[]>('/admin/sla-policies', { token, signal });
}

export function createSlaPolicy(body: CreatePolicyBody, token: string): Promise<{ id: number }> {
  return apiRequest<{ id: number }>('/admin/sla-policies', { method: 'POST', body, token });
}

export function fetchCalendar(year: number, token: string, signal: AbortSignal): Promise<CalendarView> {
  return apiRequest<CalendarView>(`/admin/calendar?year=${year}`, { token, signal });
}

export function putCalendarDay(date: string, body: { kind: CalendarDayKind; name: string }, token: string): Promise<CalendarDay> {
  return apiRequest<CalendarDay>(`/admin/calendar/days/${date}`, { method: 'PUT', body, token });
}

export function deleteCalendarDay(date: string, token: string): Promise<void> {
  return apiRequest<void>(`/admin/calendar/days/${date}`, { method: 'DELETE', token });
}

export function putWorkingHours(ranges: HoursRange[], token: string): Promise<HoursRange[]> {
  return apiRequest<HoursRange[]>('/admin/calendar/hours', { method: 'PUT', body: { ranges }, token });
}

export function fetchOnTime(
  query: { groupBy: OnTimeGrouping; from: string; to: string },
  token: string,
  signal: AbortSignal,
): Promise<OnTimeRow[]> {
  const params = new URLSearchParams({ groupBy: query.groupBy, from: query.from, to: query.to });
  return apiRequest<OnTimeRow[]>(`/stats/on-time?${params}`, { token, signal });
}

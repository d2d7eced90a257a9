import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, data, type Schemas } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import type { paths } from '../api/schema';
import { useSessionQuery } from '../auth/useSessionQuery';
import type { HandlingUnit } from '../api/units';
import { useWardCollection, type WardFeatureCollection } from '../map/useWards';

/** The fields of a category the admin pages read. */
export type AdminCategory = Pick<
  Schemas['Category'],
  'code' | 'nameVi' | 'nameEn' | 'groupCode' | 'groupVi' | 'groupEn' | 'defaultPriority' | 'handlingLevel'
>;
export type RoutingRule = Schemas['RoutingRule'];
export type SlaPolicy = Schemas['SlaPolicy'];
export type SlaMode = SlaPolicy['mode'];
export type Priority = SlaPolicy['priority'];
/** Most urgent first: the order the SLA table and the priority select read in. */
export const PRIORITIES: readonly Priority[] = ['urgent', 'high', 'normal', 'low'];

export type CalendarDay = Schemas['CalendarDay'];
export type CalendarDayKind = CalendarDay['kind'];
export const CALENDAR_DAY_KINDS: readonly CalendarDayKind[] = ['holiday', 'compensatory', 'working_day'];
export type HoursRange = Schemas['PutBusinessHours']['ranges'][number];

export type OnTimeRow = Schemas['OnTimeRow'];
export type AuditEventType = Schemas['AuditEvent']['type'];

export type { HandlingUnit };
/** The order units are grouped in a select: city-level bodies first, the 168 committees last. */
export const UNIT_KINDS: readonly HandlingUnit['kind'][] = ['city', 'department', 'utility', 'ward_committee'];
/** One current ward or commune, from the properties of GET /geo/wards. */
export type WardName = Pick<Schemas['WardProperties'], 'code' | 'name'>;

export type OnTimeGrouping = 'unit' | 'category' | 'ward' | 'month';

export interface RuleQuery {
  category: string | null;
  wardCode: string | null;
  activeOnly: boolean;
}

/** The names of the current wards, sorted as Vietnamese reads them; the geometry stays in the shared cache entry. */
export function useWardNames(enabled = true) {
  return useWardCollection(enabled, wardNames);
}

function wardNames(collection: WardFeatureCollection): WardName[] {
  return collection.features
    .map(({ properties }) => ({ code: properties.code, name: properties.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export function useRoutingRules(query: RuleQuery, enabled = true) {
  const { category, wardCode, activeOnly } = query;
  const params = {
    query: { category: category ?? undefined, wardCode: wardCode ?? undefined, active: activeOnly ? ('true' as const) : undefined },
  };
  return useSessionQuery(queryKeys.routingRuleList(query), (signal) => data(api.GET('/api/v1/admin/routing-rules', { params, signal })), {
    enabled,
    keep: true,
  });
}

export function useSlaPolicies() {
  return useSessionQuery(queryKeys.slaPolicies(), (signal) => data(api.GET('/api/v1/admin/sla-policies', { signal })));
}

export function useCalendar(year: number) {
  return useSessionQuery(
    queryKeys.calendarYear(year),
    (signal) => data(api.GET('/api/v1/admin/calendar', { params: { query: { year } }, signal })),
    { keep: true },
  );
}

export function useOnTime(query: { groupBy: OnTimeGrouping; from: string; to: string }, enabled: boolean) {
  return useSessionQuery(queryKeys.onTime(query), (signal) => data(api.GET('/api/v1/stats/on-time', { params: { query }, signal })), {
    enabled,
    keep: true,
  });
}

/** The filters and the page of the audit trail, as the API reads them. */
export type AuditQuery = NonNullable<paths['/api/v1/admin/audit']['get']['parameters']['query']>;

/** The audit trail, one page of it. */
export function useAuditTrail(query: AuditQuery) {
  return useSessionQuery(queryKeys.audit(query), (signal) => data(api.GET('/api/v1/admin/audit', { params: { query }, signal })), {
    keep: true,
  });
}

/** A change on an admin page, refreshing the lists under `invalidates` once it is made. */
function useAdminMutation<A, R>(invalidates: readonly unknown[], mutationFn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: invalidates }) });
}

export function useCreateRoutingRule() {
  return useAdminMutation(queryKeys.routingRules(), (body: Schemas['CreateRoutingRuleRequest']) =>
    data(api.POST('/api/v1/admin/routing-rules', { body })),
  );
}

export function useCloseRoutingRule() {
  return useAdminMutation(queryKeys.routingRules(), (id: number) =>
    data(api.POST('/api/v1/admin/routing-rules/{id}/close', { params: { path: { id } } })),
  );
}

export function useCreateSlaPolicy() {
  return useAdminMutation(queryKeys.slaPolicies(), (body: Schemas['SlaPolicyRequest']) =>
    data(api.POST('/api/v1/admin/sla-policies', { body })),
  );
}

export function usePutCalendarDay() {
  return useAdminMutation(queryKeys.calendar(), ({ date, kind, name }: { date: string; kind: CalendarDayKind; name: string }) =>
    data(api.PUT('/api/v1/admin/calendar/days/{date}', { params: { path: { date } }, body: { kind, name } })),
  );
}

export function useDeleteCalendarDay() {
  return useAdminMutation(queryKeys.calendar(), (date: string) =>
    data(api.DELETE('/api/v1/admin/calendar/days/{date}', { params: { path: { date } } })),
  );
}

export function usePutWorkingHours() {
  return useAdminMutation(queryKeys.calendar(), (ranges: HoursRange[]) =>
    data(api.PUT('/api/v1/admin/calendar/hours', { body: { ranges } })),
  );
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, type Schemas } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useAuth } from '../auth/useAuth';
import type { HandlingUnit } from '../api/units';
import { useWardCollection, type WardFeatureCollection } from '../map/useWards';

/** The fields of a category the admin pages read. */
export type AdminCategory = Pick<
  Schemas['Category'],
  'code' | 'nameVi' | 'nameEn' | 'groupCode' | 'groupVi' | 'groupEn' | 'defaultPriority' | 'handlingLevel'
>;
export type RoutingRule = Schemas['RoutingRule'];
export type CreateRuleBody = Schemas['CreateRoutingRuleRequest'];
export type SlaPolicy = Schemas['SlaPolicy'];
export type CreatePolicyBody = Schemas['SlaPolicyRequest'];
export type Priority = SlaPolicy['priority'];
export type SlaMode = SlaPolicy['mode'];
export type CalendarView = Schemas['CalendarView'];
export type CalendarDay = Schemas['CalendarDay'];
export type CalendarDayKind = CalendarDay['kind'];
export type HoursRange = Schemas['PutBusinessHours']['ranges'][number];
export type OnTimeRow = Schemas['OnTimeRow'];
export type AuditEventType = Schemas['AuditEvent']['type'];
export type { HandlingUnit };
export type UnitKindCode = HandlingUnit['kind'];
/** One current ward or commune, from the properties of GET /geo/wards. */
export type WardName = Pick<Schemas['WardProperties'], 'code' | 'name'>;

/** Most urgent first: the order the SLA table and the priority select read in. */
export const PRIORITIES: readonly Priority[] = ['urgent', 'high', 'normal', 'low'];
/** The order units are grouped in a select: city-level bodies first, the 168 committees last. */
export const UNIT_KINDS: readonly UnitKindCode[] = ['city', 'department', 'utility', 'ward_committee'];
export const CALENDAR_DAY_KINDS: readonly CalendarDayKind[] = ['holiday', 'compensatory', 'working_day'];

export type OnTimeGrouping = 'unit' | 'category' | 'ward' | 'month';

export interface RuleQuery {
  category: string | null;
  wardCode: string | null;
  activeOnly: boolean;
}

/** The admin lists wait for a session: the API answers them to staff only. */
function useSignedIn(): boolean {
  return useAuth().status === 'signedIn';
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
  return useQuery({
    queryKey: queryKeys.routingRuleList(query),
    queryFn: ({ signal }) =>
      data(
        api.GET('/api/v1/admin/routing-rules', {
          params: {
            query: {
              category: query.category ?? undefined,
              wardCode: query.wardCode ?? undefined,
              active: query.activeOnly ? 'true' : undefined,
            },
          },
          signal,
        }),
      ),
    enabled: useSignedIn() && enabled,
    placeholderData: keepPreviousData,
  });
}

export function useSlaPolicies() {
  return useQuery({
    queryKey: queryKeys.slaPolicies(),
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/sla-policies', { signal })),
    enabled: useSignedIn(),
  });
}

export function useCalendar(year: number) {
  return useQuery({
    queryKey: queryKeys.calendarYear(year),
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/calendar', { params: { query: { year } }, signal })),
    enabled: useSignedIn(),
    placeholderData: keepPreviousData,
  });
}

export function useOnTime(query: { groupBy: OnTimeGrouping; from: string; to: string }, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.onTime(query),
    queryFn: ({ signal }) => data(api.GET('/api/v1/stats/on-time', { params: { query }, signal })),
    enabled: useSignedIn() && enabled,
    placeholderData: keepPreviousData,
  });
}

/** The audit trail, one page of it; `query` holds the filters and the page as the API reads them. */
export function useAuditTrail(query: {
  limit: number;
  offset: number;
  type?: AuditEventType;
  actor?: string;
  subject?: string;
  from?: string;
  to?: string;
}) {
  return useQuery({
    queryKey: queryKeys.audit(query),
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/audit', { params: { query }, signal })),
    enabled: useSignedIn(),
    placeholderData: keepPreviousData,
  });
}

/** A change on an admin page, refreshing the lists under `invalidates` once it is made. */
function useAdminMutation<A, R>(invalidates: readonly unknown[], mutationFn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: invalidates }) });
}

export function useCreateRoutingRule() {
  return useAdminMutation(queryKeys.routingRules(), (body: CreateRuleBody) => data(api.POST('/api/v1/admin/routing-rules', { body })));
}

export function useCloseRoutingRule() {
  return useAdminMutation(queryKeys.routingRules(), (id: number) =>
    data(api.POST('/api/v1/admin/routing-rules/{id}/close', { params: { path: { id } } })),
  );
}

export function useCreateSlaPolicy() {
  return useAdminMutation(queryKeys.slaPolicies(), (body: CreatePolicyBody) => data(api.POST('/api/v1/admin/sla-policies', { body })));
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

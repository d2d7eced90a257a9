/** Shapes of the admin API as these pages read them (routing, SLA, calendar and stats controllers). */

export type Priority = 'low' | 'normal' | 'high' | 'urgent';
/** Most urgent first: the order the SLA table and the priority select read in. */
export const PRIORITIES: readonly Priority[] = ['urgent', 'high', 'normal', 'low'];

export type UnitKindCode = 'city' | 'department' | 'utility' | 'ward_committee';
/** The order units are grouped in a select: city-level bodies first, the 168 committees last. */
export const UNIT_KINDS: readonly UnitKindCode[] = ['city', 'department', 'utility', 'ward_committee'];

export interface HandlingUnit {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  kind: UnitKindCode | string;
  wardCode: string | null;
  parentId: string | null;
}

export interface AdminCategory {
  code: string;
  nameVi: string;
  nameEn: string;
  groupCode: string;
  groupVi: string;
  groupEn: string;
  defaultPriority: string;
  handlingLevel: 'ward' | 'department' | string;
}

/** One current ward or commune, from the properties of GET /geo/wards. */
export interface WardName {
  code: string;
  name: string;
}

export interface RoutingRule {
  id: number;
  category: string;
  /** null: the rule applies city-wide. */
  wardCode: string | null;
  unit: { id: string; code: string; name: string };
  validFrom: string;
  validTo: string | null;
  note: string;
}

export interface RuleQuery {
  category: string | null;
  wardCode: string | null;
  activeOnly: boolean;
}

export interface CreateRuleBody {
  category: string;
  wardCode: string | null;
  unitId: string;
  validFrom?: string;
  note: string;
}

export type SlaMode = 'business' | 'calendar';

export interface SlaPolicy {
  id: number;
  category: string | null;
  priority: Priority | string;
  responseMinutes: number;
  resolutionMinutes: number;
  mode: SlaMode | string;
  validFrom: string;
  validTo: string | null;
}

export interface CreatePolicyBody {
  category: string | null;
  priority: Priority;
  responseMinutes: number;
  resolutionMinutes: number;
  mode: SlaMode;
  validFrom?: string;
}

export type CalendarDayKind = 'holiday' | 'compensatory' | 'working_day';
export const CALENDAR_DAY_KINDS: readonly CalendarDayKind[] = ['holiday', 'compensatory', 'working_day'];

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
  /** The legal basis of a seeded entry, or 'admin' for an edit made here. */
  source: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface HoursRange {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  start: string;
  end: string;
}

export interface CalendarView {
  year: number;
  timeZone: string;
  hours: (HoursRange & { startMinute: number; endMinute: number })[];
  days: CalendarDay[];
}

export type OnTimeGrouping = 'unit' | 'category' | 'ward' | 'month';

export interface OnTimeRow {
  key: string;
  name: string;
  resolved: number;
  onTime: number;
  /** Resolved on time ÷ resolved; null when nothing was resolved. */
  rate: number | null;
}

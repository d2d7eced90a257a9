/** Shapes of the intake API as the call console reads them (contract: intake HTTP API v1). */

export type ReportStatus =
  'new' | 'assigned' | 'in_progress' | 'waiting_citizen' | 'resolved' | 'reopened' | 'closed' | 'rejected' | 'merged';

/** Statuses after which a ticket no longer takes new callers from the history panel. */
const FINISHED_STATUSES: readonly string[] = ['resolved', 'closed', 'rejected', 'merged'];

export function isOpenStatus(status: string): boolean {
  return !FINISHED_STATUSES.includes(status);
}

export interface AttributeValue {
  key: string;
  name: string;
  nameEn: string;
}

/** One Open311 service attribute of a category. */
export interface CategoryAttribute {
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist' | string;
  required: boolean;
  description: string;
  descriptionEn: string;
  order: number;
  values?: AttributeValue[];
}

export interface Category {
  code: string;
  nameVi: string;
  nameEn: string;
  groupCode: string;
  groupVi: string;
  groupEn: string;
  hintVi: string;
  hintEn: string;
  defaultPriority: string;
  handlingLevel: string;
  isPublic: boolean;
  attributes: CategoryAttribute[];
}

export interface CategoryRef {
  code: string;
  nameVi: string;
  nameEn: string;
}

export interface WardRef {
  code: string;
  name: string;
}

/** One hit of GET /geo/search; lng/lat is the label point of the CURRENT unit. */
export interface WardSearchHit {
  code: string;
  name: string;
  kind: string;
  districtName: string | null;
  matched: string;
  current: boolean;
  lng: number;
  lat: number;
}

export interface CallerReport {
  id: string;
  code: string;
  status: ReportStatus | string;
  category: CategoryRef;
  ward: WardRef;
  createdAt: string;
  relation: 'reporter' | 'caller';
}

export interface DuplicateCandidate {
  id: string;
  code: string;
  status: ReportStatus | string;
  category: CategoryRef;
  ward: WardRef;
  description: string;
  address: string | null;
  createdAt: string;
  distanceM: number;
  score: number;
}

export type AttributeAnswer = string | number | boolean | string[];

export interface CreateReportBody {
  category: string;
  lat: number;
  lng: number;
  description: string;
  address?: string;
  channel: 'phone';
  reporter: { name?: string; phone: string; hideIdentity: boolean };
  attributes?: Record<string, AttributeAnswer>;
}

export interface CreatedReport {
  id: string;
  code: string;
  status: string;
  channel: string;
  category: CategoryRef;
  ward: WardRef;
  createdAt: string;
  trackingUrl: string;
}

export interface AttachCallerBody {
  phone: string;
  name?: string;
  note?: string;
}

export interface AttachedCall {
  id: string;
  code: string;
  followerCount: number;
}

export interface TimelineEntry {
  type: string;
  at: string;
  status: string | null;
  message: string | null;
  /** Staff view only: who did it (null for the citizen or the system). */
  actor?: { username: string; fullName: string } | null;
}

/** GET /reports/:id as an operator sees it; only the fields the side panel shows are typed. */
export interface ReportDetail {
  id: string;
  code: string;
  status: ReportStatus | string;
  channel: string;
  category: CategoryRef;
  ward: WardRef;
  assignedUnit: { name: string; nameEn?: string; kind: string } | null;
  address: string | null;
  description: string;
  createdAt: string;
  followerCount?: number;
  timeline: TimelineEntry[];
  /** What the reporter may do now, which the operator may do for a caller (operators only). */
  reporterActions?: ReporterAction[];
}

export type ReporterAction = 'reply' | 'reject' | 'rate';

export interface LatLng {
  lat: number;
  lng: number;
}

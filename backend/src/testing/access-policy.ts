import { randomUUID } from 'node:crypto';
import type { UserRole } from '../modules/users/app-user.entity';

/**
 * The access policy the matrix in modules/auth/access-matrix.int-spec.ts holds the API to: every
 * operation of the OpenAPI document is classified here, one by one (EXACT) or by the family its
 * path belongs to (RULES). A new operation with neither fails the matrix until it is classified.
 */
export type Role = UserRole | 'anonymous';
export type TicketKey = 'A' | 'B' | 'C';
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Side = 'own' | 'other';

export interface Ticket {
  key: TicketKey;
  id: string;
  code: string;
  unitId: string;
  unitCode: string;
  category: string;
  /** In the description, so a list that echoes text is caught too. */
  tag: string;
  name: string;
  email: string;
  phone: string;
  /** The reporter's secret from the filing answer. */
  secret: string;
}

/**
 * - `ticket`: the path's {id} is a ticket; officials reach their own unit's only (own and other cells).
 * - `unit`: the path's {id} is a handling unit; officials reach their own unit only (own and other cells).
 * - `results`: a list, a figure or reference data; an official's answer holds no other unit's ticket.
 * - `public`: anyone; the answer never holds personal data, whoever asks.
 */
export type Scope = 'ticket' | 'unit' | 'results' | 'public';

export interface Cell {
  role: Role;
  side: Side | null;
  /** The ticket the cell is about (ticket and unit scopes), else ticket A. */
  ticket: Ticket;
  tickets: Record<TicketKey, Ticket>;
}

export interface Policy {
  /** Who gets past the guard; 'anyone' includes anonymous callers. */
  admits: readonly Role[] | 'anyone';
  scope: Scope;
  /** Roles whose 2xx answer may show the cell ticket's contact details (officials: own unit only). */
  seesReporter?: readonly Role[];
  /** Roles whose 2xx answer may hold any ticket's contact details (a trail of who looked up which number). */
  holdsContacts?: readonly Role[];
  /** Query parameters beyond (or instead of) the required ones, which querySample fills. */
  query?: (c: Cell) => Record<string, string>;
  /** JSON body of a write; without it an empty object, which validation refuses after the guard has decided. */
  body?: (c: Cell) => object;
  /** Request headers beyond the bearer token (the reporter's secret). */
  headers?: (c: Cell) => Record<string, string>;
  /** A form-encoded body instead (Open311). */
  form?: (c: Cell) => Record<string, string>;
  /** The operation ends the caller's session (sign-out): the matrix signs the role in again after it. */
  signsOut?: boolean;
  /**
   * Neither a role nor the bearer token decides: a token of the route's own, in this header, does
   * (a data subject's access). Without it every cell is 401; the route's own suite tests the token.
   */
  ownToken?: string;
  /** Further assertions on a cell's answer; returns what failed. */
  check?: (c: Cell, res: Answer) => string[];
}

export interface Answer {
  status: number;
  text: string;
  json: any;
}

export const USERS: Record<UserRole, string> = {
  operator: 'operator',
  ward_official: 'ward.benthanh',
  department_official: 'dept.xaydung',
  leader: 'leader',
  admin: 'admin',
};
export const STAFF = Object.keys(USERS) as UserRole[];
export const ROLES: Role[] = [...STAFF, 'anonymous'];
export const OFFICIALS: readonly Role[] = ['ward_official', 'department_official'];
export const isOfficial = (role: Role) => OFFICIALS.includes(role);

/** Own and other ticket per role: A sits with UBND Bến Thành, B with SAPULICO, C with Sở Xây dựng. */
export const OWN: Record<Role, TicketKey> = {
  operator: 'A',
  ward_official: 'A',
  department_official: 'C',
  leader: 'A',
  admin: 'A',
  anonymous: 'A',
};
export const OTHER: TicketKey = 'B';

/** Merging needs a master other than the ticket itself; any well-formed id reaches the access check. */
export const MASTER_ID = '7d3c6a0e-5b1f-4c2a-9e8d-1f2a3b4c5d6e';
/** A streamed answer (server-sent events) is read this long, then the connection is dropped. */
export const STREAM_MS = 1500;
export const ANSWER_TIMEOUT_MS = 20_000;

/**
 * Operations of this area, one by one. Writes pass validation but leave the ticket where it is
 * (a stale version, a transfer to the unit already holding it, the same category); the access
 * decision comes before each of those checks.
 */
export const EXACT: Record<string, Policy> = {
  'GET /health': { admits: 'anyone', scope: 'public' },
  'GET /ready': { admits: 'anyone', scope: 'public' },
  'POST /api/v1/auth/login': { admits: 'anyone', scope: 'public' },
  'GET /api/v1/auth/me': { admits: STAFF, scope: 'results' },
  // Sessions (issue 14, finding 3): a refresh token, not a role, renews one; each user sees and ends their own only.
  'POST /api/v1/auth/refresh': { admits: 'anyone', scope: 'public' },
  'POST /api/v1/auth/logout': { admits: STAFF, scope: 'results', signsOut: true },
  // The second factor: the password step's challenge, not a role, opens the second step; each user enrols their own.
  'POST /api/v1/auth/login/second-factor': { admits: 'anyone', scope: 'public' },
  'POST /api/v1/auth/second-factor/enrol': { admits: STAFF, scope: 'results' },
  'POST /api/v1/auth/second-factor/confirm': { admits: STAFF, scope: 'results' },
  'POST /api/v1/auth/password': {
    admits: STAFF,
    scope: 'results',
    body: () => ({ currentPassword: 'not-the-password', newPassword: 'x' }),
  },
  'GET /api/v1/auth/sessions': { admits: STAFF, scope: 'results' },
  'DELETE /api/v1/auth/sessions/{id}': { admits: STAFF, scope: 'results' },
  'POST /api/v1/auth/sessions/revoke-all': { admits: STAFF, scope: 'results', signsOut: true },
  'GET /api/v1/categories': { admits: 'anyone', scope: 'public' },
  'GET /api/v1/geo/wards': { admits: 'anyone', scope: 'public' },
  'GET /api/v1/geo/search': { admits: 'anyone', scope: 'public' },
  'GET /api/v1/geo/locate': { admits: 'anyone', scope: 'public' },
  'POST /api/v1/uploads': { admits: 'anyone', scope: 'public' },
  'GET /api/v1/attachments/{id}': { admits: 'anyone', scope: 'public' },
  // Filing is open to anyone; an empty body is refused field by field after the guard.
  'POST /api/v1/reports': { admits: 'anyone', scope: 'public' },
  'GET /api/v1/track/{code}': { admits: 'anyone', scope: 'public' },
  // The reporter acts with the secret from the filing answer; on an assigned ticket each action is
  // refused by the state machine (409), after the secret was checked.
  'POST /api/v1/track/{code}/reply': {
    admits: 'anyone',
    scope: 'public',
    headers: reporterSecret,
    body: () => ({ message: 'Kiểm tra phân quyền' }),
  },
  'POST /api/v1/track/{code}/reject': {
    admits: 'anyone',
    scope: 'public',
    headers: reporterSecret,
    body: () => ({ message: 'Kiểm tra phân quyền' }),
  },
  'POST /api/v1/track/{code}/rating': { admits: 'anyone', scope: 'public', headers: reporterSecret, body: () => ({ rating: 5 }) },
  // The call centre acts for a caller without a web link.
  'POST /api/v1/reports/{id}/for-reporter/reply': {
    admits: ['operator'],
    scope: 'ticket',
    body: () => ({ message: 'Người gọi bổ sung thông tin' }),
  },
  'POST /api/v1/reports/{id}/for-reporter/reject': {
    admits: ['operator'],
    scope: 'ticket',
    body: () => ({ message: 'Người gọi không đồng ý' }),
  },
  'POST /api/v1/reports/{id}/for-reporter/rating': { admits: ['operator'], scope: 'ticket', body: () => ({ rating: 5 }) },

  'GET /api/v1/reports/{id}': { admits: STAFF, scope: 'ticket', seesReporter: ['operator', 'ward_official', 'department_official'] },
  // The trail records which phone number an operator looked up (caller history): an admin reads it.
  'GET /api/v1/admin/audit': { admits: ['admin'], scope: 'results', holdsContacts: ['admin'] },
  'POST /api/v1/reports/{id}/actions/{action}': {
    admits: ['ward_official', 'department_official', 'admin'],
    scope: 'ticket',
    body: () => ({ version: 999_999, publicMessage: 'Kiểm tra phân quyền', masterId: MASTER_ID }),
  },
  'POST /api/v1/reports/{id}/notes': {
    admits: ['ward_official', 'department_official', 'admin'],
    scope: 'ticket',
    body: () => ({ message: 'Ghi chú kiểm tra phân quyền' }),
  },
  'POST /api/v1/reports/{id}/transfer': {
    admits: ['ward_official', 'department_official', 'admin'],
    scope: 'ticket',
    body: (c) => ({ unitId: c.ticket.unitId, reason: 'Kiểm tra phân quyền' }),
  },
  'POST /api/v1/reports/{id}/reclassify': {
    admits: ['ward_official', 'department_official', 'operator', 'admin'],
    scope: 'ticket',
    body: (c) => ({ category: c.ticket.category, reason: 'Kiểm tra phân quyền' }),
  },
  'POST /api/v1/reports/{id}/callers': { admits: ['operator'], scope: 'ticket', body: () => ({ phone: '0901234567' }) },
  'POST /api/v1/reports/{id}/reveal-reporter': {
    admits: ['admin'],
    scope: 'ticket',
    seesReporter: ['admin'],
    body: () => ({ reason: 'Kiểm tra ma trận phân quyền' }),
  },

  // The call centre's helpers: summaries of any unit's tickets, never contact details.
  'GET /api/v1/reports/duplicates': {
    admits: ['operator'],
    scope: 'results',
    query: (c) => ({ category: c.tickets.A.category, text: c.tickets.A.tag }),
  },
  'GET /api/v1/callers/{phone}/reports': { admits: ['operator'], scope: 'results' },

  'GET /api/v1/units': { admits: STAFF, scope: 'results' },
  'GET /api/v1/units/{id}/queue': { admits: STAFF, scope: 'unit' },
  // Officials see their own unit's figures only, even when they ask for another unit's.
  'GET /api/v1/stats/on-time': {
    admits: ['leader', 'admin', 'ward_official', 'department_official'],
    scope: 'results',
    // The longest period allowed, so the other unit surely has figures to leak.
    query: (c) => ({ groupBy: 'unit', unitId: c.tickets.B.unitId, from: new Date(Date.now() - 399 * 86_400_000).toISOString() }),
    check: (c, res) =>
      isOfficial(c.role) && res.status === 200 && (res.json as { key: string }[]).some((row) => row.key !== c.tickets[OWN[c.role]].unitCode)
        ? ["an official read another unit's on-time figures"]
        : [],
  },
  // A data subject's requests: a verified token (x-privacy-access), not a role, opens them
  // (modules/privacy-requests/*.int-spec.ts test the token); staff log and handle them under admin/*.
  'POST /api/v1/privacy/verification-codes': {
    admits: 'anyone',
    scope: 'public',
    body: (c) => ({ email: `matrix.${c.role}@example.invalid` }),
  },
  'POST /api/v1/privacy/access': {
    admits: 'anyone',
    scope: 'public',
    body: (c) => ({ trackingCode: c.ticket.code, secret: c.ticket.secret }),
  },
  'GET /api/v1/privacy/my-data': { admits: 'anyone', scope: 'public', ownToken: 'x-privacy-access' },
  'POST /api/v1/privacy/erasure-requests': {
    admits: 'anyone',
    scope: 'public',
    ownToken: 'x-privacy-access',
    body: () => ({ confirm: true }),
  },
  // Operators log requests received by phone and see those they logged; admins handle them all.
  'GET /api/v1/admin/privacy-requests': { admits: ['admin', 'operator'], scope: 'results' },
  'POST /api/v1/admin/privacy-requests': {
    admits: ['admin', 'operator'],
    scope: 'results',
    body: (c) => ({
      kind: 'access',
      channel: 'phone',
      phones: ['0900000999'],
      identityCheck: `Gọi lại số đã đăng ký (${c.role})`,
      reason: 'Kiểm tra ma trận phân quyền',
    }),
  },
  'GET /api/v1/admin/privacy-requests/{id}': { admits: ['admin', 'operator'], scope: 'results' },
  // Leaders read the rules and policies they are measured against; only admins change them (RULES).
  'GET /api/v1/admin/routing-rules': { admits: ['admin', 'leader'], scope: 'results' },
  'GET /api/v1/admin/sla-policies': { admits: ['admin', 'leader'], scope: 'results' },
};

function reporterSecret(c: Cell): Record<string, string> {
  return { 'x-reporter-secret': c.ticket.secret };
}

/** Whole families by path, so an operation added under them is covered as soon as it exists. */
export const RULES: { rule: string; applies: (method: Method, template: string) => boolean; policy: Policy }[] = [
  {
    rule: 'public/*: anyone, no personal data',
    applies: (_, t) => t.startsWith('/api/v1/public/'),
    policy: { admits: 'anyone', scope: 'public' },
  },
  {
    rule: 'tiles/basemap/*: anyone (our own map, no reports)',
    applies: (_, t) => t.startsWith('/api/v1/tiles/basemap/'),
    policy: { admits: 'anyone', scope: 'public' },
  },
  {
    rule: 'insights/*, tiles/*, live/*: leaders and admins, no personal data',
    applies: (_, t) => /^\/api\/v1\/(insights|tiles|live)\//.test(t),
    policy: { admits: ['leader', 'admin'], scope: 'results' },
  },
  {
    rule: 'admin/*: administrators only',
    applies: (_, t) => t.startsWith('/api/v1/admin/'),
    policy: { admits: ['admin'], scope: 'results' },
  },
  {
    rule: 'open311/v2/*: anyone (a write needs an API key, not a role), no personal data',
    applies: (_, t) => t.startsWith('/open311/v2/'),
    policy: { admits: 'anyone', scope: 'public', form: () => ({ api_key: 'demo-open311-key' }) },
  },
];

export function classify(method: Method, template: string): Policy | null {
  return EXACT[`${method} ${template}`] ?? RULES.find((r) => r.applies(method, template))?.policy ?? null;
}

/** The z14 tile that holds the tickets' point, so tile answers are about them. */
export function tileOf(lat: number, lng: number, z = 14): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lng + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  };
}

export const POINT = { lat: 10.7725, lng: 106.6981 };
export const TILE = tileOf(POINT.lat, POINT.lng);

/** Values of path parameters other than {id} and enumerations, by name (and path where a name means two things). */
export function pathSample(name: string, template: string, c: Cell): string {
  switch (name) {
    case 'code':
      return template.startsWith('/api/v1/track/') ? c.ticket.code : '26743';
    case 'phone':
      return c.tickets.B.phone;
    case 'z':
    case 'x':
    case 'y':
      return String(TILE[name]);
    case 'service_code':
      return 'pothole';
    case 'service_request_id':
      return c.ticket.code;
    case 'token':
      return c.ticket.id;
    case 'date':
      return '2099-12-31';
    case 'id':
      // An {id} that is neither a ticket nor a unit (an attachment, a routing rule): one that does not exist.
      return template.includes('routing-rules') ? '2147483000' : randomUUID();
    default:
      return 'x';
  }
}

/** Values of required query parameters, by name, else from their schema. */
export function querySample(name: string, schema: Record<string, any>, c: Cell): string {
  const now = Date.now();
  switch (name) {
    case 'from':
      return new Date(now - 30 * 86_400_000).toISOString();
    case 'to':
      return new Date(now + 60_000).toISOString();
    case 'lat':
      return String(POINT.lat);
    case 'lng':
      return String(POINT.lng);
    case 'z':
      return '14';
    case 'q':
      return 'Bến Thành';
    case 'category':
      return c.ticket.category;
  }
  if (schema.enum?.length) return String(schema.enum[0]);
  if (schema.format === 'date-time') return new Date(now).toISOString();
  if (schema.format === 'uuid') return randomUUID();
  if (schema.type === 'integer' || schema.type === 'number') return String(schema.minimum ?? 1);
  return 'x';
}

import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createTestHttpApp } from '../../testing/http-app';
import { RoutingService } from '../routing/routing.service';
import type { UserRole } from '../users/app-user.entity';

/**
 * Invariant 4 as a matrix: every staff operation on one ticket or unit (read from the OpenAPI
 * document, so a new route without a policy here fails) × every role × (own unit's ticket,
 * another unit's ticket). Each cell asserts the access decision and that no contact data leaks.
 */
type Role = UserRole | 'anonymous';
type TicketKey = 'A' | 'B' | 'C';
interface Ticket {
  id: string;
  unitId: string;
  category: string;
  email: string;
}
interface Operation {
  method: 'GET' | 'POST';
  template: string;
  /** OpenAPI path with the concrete enum value of any second path parameter. */
  label: string;
  path: (t: Ticket) => string;
  requestSchema?: { required?: string[]; properties?: Record<string, unknown> };
}

const USERS: Record<Exclude<Role, 'anonymous'>, string> = {
  operator: 'operator',
  ward_official: 'ward.benthanh',
  department_official: 'dept.xaydung',
  leader: 'leader',
  admin: 'admin',
};
const ROLES: Role[] = [...(Object.keys(USERS) as Role[]), 'anonymous'];
const OFFICIALS: Role[] = ['ward_official', 'department_official'];

/** Own and other ticket per role: A sits with UBND Bến Thành, B with SAPULICO, C with Sở Xây dựng. */
const OWN: Record<Role, TicketKey> = { operator: 'A', ward_official: 'A', department_official: 'C', leader: 'A', admin: 'A', anonymous: 'A' };
const OTHER: TicketKey = 'B';

/** The policy under test: who the route admits at all; officials are further held to their unit. */
const ADMITTED: Record<string, Role[]> = {
  'GET /api/v1/reports/{id}': ['operator', 'ward_official', 'department_official', 'leader', 'admin'],
  'POST /api/v1/reports/{id}/actions/{action}': ['ward_official', 'department_official', 'admin'],
  'POST /api/v1/reports/{id}/notes': ['ward_official', 'department_official', 'admin'],
  'POST /api/v1/reports/{id}/transfer': ['ward_official', 'department_official', 'admin'],
  'POST /api/v1/reports/{id}/reclassify': ['ward_official', 'department_official', 'operator', 'admin'],
  'POST /api/v1/reports/{id}/callers': ['operator'],
  'POST /api/v1/reports/{id}/reveal-reporter': ['admin'],
  'GET /api/v1/units/{id}/queue': ['operator', 'ward_official', 'department_official', 'leader', 'admin'],
};
/** Who may see a reporter's contact details in a 2xx answer of this route (own ticket for officials). */
const SEES_REPORTER: Record<string, Role[]> = {
  'GET /api/v1/reports/{id}': ['operator', 'ward_official', 'department_official'],
  'POST /api/v1/reports/{id}/reveal-reporter': ['admin'],
};

/**
 * Minimal valid bodies. Writes are chosen to pass validation but leave the ticket where it is:
 * a stale version for state changes, a transfer to the unit already holding it, the same
 * category for a reclassification. The access decision comes before each of those checks.
 */
/** Merging needs a master other than the ticket itself; any well-formed id reaches the access check. */
const MASTER_ID = '7d3c6a0e-5b1f-4c2a-9e8d-1f2a3b4c5d6e';

const BODIES: Record<string, (t: Ticket) => object> = {
  'POST /api/v1/reports/{id}/actions/{action}': (t) => ({ version: 999_999, publicMessage: 'Kiểm tra phân quyền', masterId: MASTER_ID }),
  'POST /api/v1/reports/{id}/notes': () => ({ message: 'Ghi chú kiểm tra phân quyền' }),
  'POST /api/v1/reports/{id}/transfer': (t) => ({ unitId: t.unitId, reason: 'Kiểm tra phân quyền' }),
  'POST /api/v1/reports/{id}/reclassify': (t) => ({ category: t.category, reason: 'Kiểm tra phân quyền' }),
  'POST /api/v1/reports/{id}/callers': () => ({ phone: '0901234567' }),
  'POST /api/v1/reports/{id}/reveal-reporter': () => ({ reason: 'Kiểm tra ma trận phân quyền' }),
};

describe('access matrix: role × operation × (own unit, another unit) from the OpenAPI document', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  const tokens: Partial<Record<Role, string>> = {};
  const tickets = {} as Record<TicketKey, Ticket>;
  let operations: Operation[] = [];

  const call = async (method: 'GET' | 'POST', url: string, role: Role, payload?: object) => {
    const token = tokens[role];
    const res = await app.inject({ method, url, payload, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(payload ? { 'content-type': 'application/json' } : {}) } });
    return { status: res.statusCode, text: res.body, body: res.body ? JSON.parse(res.body) : null };
  };

  const file = async (key: TicketKey, category: string, hideIdentity = false, attributes: Record<string, string> = {}): Promise<Ticket> => {
    const email = `matrix.${key.toLowerCase()}.${Date.now()}@example.com`;
    const filed = await call('POST', '/api/v1/reports', 'anonymous', {
      category, lat: 10.7725, lng: 106.6981, description: `Phản ánh kiểm tra phân quyền ${key}`, attributes, reporter: { name: 'Nguyễn Văn Kiểm', email, hideIdentity }, consent: true,
    });
    expect({ category, status: filed.status, issues: filed.body.issues }).toEqual({ category, status: 201, issues: undefined });
    await app.get(RoutingService).routeNew(filed.body.id);
    const [row] = await db.query(`SELECT assigned_unit_id AS "unitId" FROM report WHERE id = $1`, [filed.body.id]);
    return { id: filed.body.id, unitId: row.unitId, category, email };
  };

  beforeAll(async () => {
    app = await createTestHttpApp();
    db = app.get(getDataSourceToken());
    for (const [role, username] of Object.entries(USERS)) {
      tokens[role as Role] = (await call('POST', '/api/v1/auth/login', 'anonymous', { username, password: '1022demo!' })).body.accessToken;
    }
    tickets.A = await file('A', 'illegal-construction');
    tickets.B = await file('B', 'street-light');
    tickets.C = await file('C', 'traffic-light', false, { fault: 'tat' });
    const [units] = await db.query(
      `SELECT (SELECT unit_id FROM app_user WHERE username = 'ward.benthanh') AS ward, (SELECT unit_id FROM app_user WHERE username = 'dept.xaydung') AS dept,
              (SELECT id FROM handling_unit WHERE code = 'SAPULICO') AS sapulico`,
    );
    expect([tickets.A.unitId, tickets.B.unitId, tickets.C.unitId]).toEqual([units.ward, units.sapulico, units.dept]);

    const doc = (await call('GET', '/api/docs-json', 'anonymous')).body;
    for (const [template, item] of Object.entries<Record<string, any>>(doc.paths)) {
      if (!/^\/api\/v1\/reports\/\{id\}/.test(template) && template !== '/api/v1/units/{id}/queue') continue;
      for (const [method, op] of Object.entries<any>(item)) {
        const ref: string | undefined = op.requestBody?.content?.['application/json']?.schema?.$ref;
        const inline = op.requestBody?.content?.['application/json']?.schema;
        const requestSchema = ref ? doc.components.schemas[ref.split('/').pop()!] : inline;
        const extra = (op.parameters ?? []).find((p: any) => p.in === 'path' && p.name !== 'id');
        const values: string[] = extra ? extra.schema.enum : [''];
        expect({ template, extraParameterValues: values }).toEqual({ template, extraParameterValues: expect.arrayContaining([expect.any(String)]) });
        for (const value of values) {
          const upper = method.toUpperCase() as 'GET' | 'POST';
          operations.push({
            method: upper,
            template,
            label: `${upper} ${extra ? template.replace(`{${extra.name}}`, value) : template}`,
            requestSchema,
            path: (t) => (template.includes('/units/') ? template.replace('{id}', t.unitId) : template.replace('{id}', t.id)).replace(extra ? `{${extra.name}}` : '\u0000', value),
          });
        }
      }
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('has a policy and a valid body for every operation the document lists', () => {
    expect(operations.length).toBeGreaterThanOrEqual(8);
    for (const op of operations) {
      const key = `${op.method} ${op.template}`;
      expect({ operation: key, hasPolicy: key in ADMITTED }).toEqual({ operation: key, hasPolicy: true });
      if (op.method === 'POST') {
        const body = BODIES[key]?.(tickets.A) ?? {};
        const known = Object.keys(op.requestSchema?.properties ?? {});
        expect({ operation: key, missing: (op.requestSchema?.required ?? []).filter((f) => !(f in body)), unknown: Object.keys(body).filter((f) => !known.includes(f)) }).toEqual({
          operation: key,
          missing: [],
          unknown: [],
        });
      }
    }
  });

  it('decides every cell: no leak, no write across units, 401 for anonymous', async () => {
    const failures: string[] = [];
    let cells = 0;
    for (const op of operations) {
      const key = `${op.method} ${op.template}`;
      for (const role of ROLES) {
        for (const [side, ticketKey] of [['own', OWN[role]], ['other', OTHER]] as const) {
          const t = tickets[ticketKey];
          const res = await call(op.method, op.path(t), role, op.method === 'POST' ? BODIES[key](t) : undefined);
          cells++;
          const cell = `${role} × ${op.label} × ${side} unit's ticket ${ticketKey} → ${res.status}`;
          const ok2xx = res.status >= 200 && res.status < 300;
          if (role === 'anonymous') {
            if (res.status !== 401) failures.push(`${cell}: anonymous must get 401`);
            continue;
          }
          if (res.status >= 500) failures.push(`${cell}: server error`);
          if (!ADMITTED[key].includes(role)) {
            if (res.status !== 403) failures.push(`${cell}: the route does not admit ${role}, expected 403`);
          } else if (OFFICIALS.includes(role) && side === 'other') {
            if (![403, 404].includes(res.status)) failures.push(`${cell}: an official reached another unit's ticket, expected 403/404`);
          } else if ([401, 403, 404].includes(res.status)) {
            failures.push(`${cell}: access refused to a caller the policy admits`);
          }
          const mayShow = (SEES_REPORTER[key] ?? []).includes(role) && (!OFFICIALS.includes(role) || side === 'own');
          const leaked = res.text.includes(t.email) || res.text.includes('Nguyễn Văn Kiểm');
          if (leaked && !mayShow) failures.push(`${cell}: reporter data leaked`);
          if (ok2xx && key === 'GET /api/v1/reports/{id}' && mayShow && !res.body.reporter) failures.push(`${cell}: reporter missing for a role that needs it`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(cells).toBe(operations.length * ROLES.length * 2);

    // Nothing moved: the stale, same-unit and same-category writes changed no assignment.
    const rows = await db.query(`SELECT id, assigned_unit_id AS "unitId", category_id FROM report WHERE id = ANY($1)`, [[tickets.A.id, tickets.B.id, tickets.C.id]]);
    for (const t of Object.values(tickets)) expect(rows.find((r: { id: string }) => r.id === t.id).unitId).toBe(t.unitId);
  });

  it('audits every reporter view, with actor, role and fields', async () => {
    const before = await db.query(`SELECT count(*)::int AS n FROM report_event WHERE report_id = $1 AND type = 'personal_data_viewed'`, [tickets.A.id]);
    for (const role of ['operator', 'ward_official', 'leader', 'admin'] as Role[]) await call('GET', `/api/v1/reports/${tickets.A.id}`, role);
    const events = await db.query(
      `SELECT e.actor_role AS role, u.username, e.data, e.is_public AS "isPublic" FROM report_event e JOIN app_user u ON u.id = e.actor_user_id
        WHERE e.report_id = $1 AND e.type = 'personal_data_viewed' ORDER BY e.id OFFSET $2`,
      [tickets.A.id, before[0].n],
    );
    expect(events).toEqual([
      { role: 'operator', username: 'operator', data: { fields: ['name', 'email'] }, isPublic: false },
      { role: 'ward_official', username: 'ward.benthanh', data: { fields: ['name', 'email'] }, isPublic: false },
    ]);
  });

  it('hides a hidden reporter from everyone but an admin who reveals with a logged reason', async () => {
    const hidden = await file('A', 'illegal-construction', true);
    for (const role of ['operator', 'ward_official', 'leader', 'admin'] as Role[]) {
      const res = await call('GET', `/api/v1/reports/${hidden.id}`, role);
      expect({ role, status: res.status, reporter: res.body.reporter, leaked: res.text.includes(hidden.email) }).toEqual({ role, status: 200, reporter: null, leaked: false });
    }
    const short = await call('POST', `/api/v1/reports/${hidden.id}/reveal-reporter`, 'admin', { reason: 'vì sao' });
    expect(short.status).toBe(400);
    expect(short.body.issues[0].field).toBe('reason');
    expect((await call('POST', `/api/v1/reports/${hidden.id}/reveal-reporter`, 'leader', { reason: 'Yêu cầu của cơ quan điều tra' })).status).toBe(403);

    const revealed = await call('POST', `/api/v1/reports/${hidden.id}/reveal-reporter`, 'admin', { reason: 'Yêu cầu của cơ quan điều tra số 12/2025' });
    expect(revealed.status).toBe(200);
    expect(revealed.body.reporter).toMatchObject({ email: hidden.email, hideIdentity: true });
    const events = await db.query(
      `SELECT type, actor_role AS role, is_public AS "isPublic", message, data FROM report_event WHERE report_id = $1 AND type LIKE 'personal_data_%' ORDER BY id`,
      [hidden.id],
    );
    // The whole trace of this reporter's details: stored at filing (anonymous web form), then revealed once.
    expect(events).toEqual([
      { type: 'personal_data_recorded', role: null, isPublic: false, message: null, data: { subject: 'reporter', fields: ['name', 'email'], hideIdentity: true, channel: 'web' } },
      { type: 'personal_data_revealed', role: 'admin', isPublic: false, message: 'Yêu cầu của cơ quan điều tra số 12/2025', data: { fields: ['name', 'email'], reason: 'Yêu cầu của cơ quan điều tra số 12/2025' } },
    ]);
  });
});

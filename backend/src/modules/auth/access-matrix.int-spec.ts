import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  ANSWER_TIMEOUT_MS,
  classify,
  EXACT,
  isOfficial,
  OTHER,
  OWN,
  POINT,
  querySample,
  pathSample,
  ROLES,
  RULES,
  STREAM_MS,
  USERS,
  type Answer,
  type Cell,
  type Method,
  type Policy,
  type Role,
  type Ticket,
  type TicketKey,
} from '../../testing/access-policy';
import { createTestHttpApp } from '../../testing/http-app';
import { RoutingService } from '../routing/routing.service';

/**
 * Invariant 4 as a matrix over the whole API: every operation of the OpenAPI document × every
 * role (anonymous included) × (own unit's ticket or unit, another unit's) where the operation
 * names one, through real HTTP. Each cell asserts the access decision (401 anonymous, 403 a role
 * the operation does not admit, 403/404 an official reaching across units), that no answer
 * carries reporter contact details the role may not see, that no answer to an official carries
 * another unit's ticket, and that no write moves a ticket. The policy is in
 * testing/access-policy.ts; an operation it does not classify fails the first test.
 */
interface Operation {
  method: Method;
  template: string;
  /** The template with any enumerated path parameter (action, format) filled in. */
  label: string;
  policy: Policy;
  path: (c: Cell) => string;
  requiredQuery: { name: string; schema: Record<string, any> }[];
  requestSchema?: { required?: string[]; properties?: Record<string, unknown> };
}

describe('access matrix: every OpenAPI operation × role × (own unit, another unit)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let baseUrl: string;
  const tokens: Partial<Record<Role, string>> = {};
  const tickets = {} as Record<TicketKey, Ticket>;
  const operations: Operation[] = [];
  const unclassified: string[] = [];
  const run = randomUUID().slice(0, 8);

  /** Real HTTP, so a streamed answer (server-sent events) can be read for a while and dropped. */
  const call = async (
    method: Method,
    url: string,
    role: Role,
    payload?: { json?: object; form?: Record<string, string> },
    extraHeaders: Record<string, string> = {},
  ): Promise<Answer> => {
    const token = tokens[role];
    const headers: Record<string, string> = { ...extraHeaders, ...(token ? { authorization: `Bearer ${token}` } : {}) };
    let body: string | undefined;
    if (payload?.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(payload.form).toString();
    } else if (payload?.json) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(payload.json);
    }
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), ANSWER_TIMEOUT_MS);
    try {
      const res = await fetch(`${baseUrl}${url}`, { method, headers, body, signal: controller.signal });
      let text: string;
      if ((res.headers.get('content-type') ?? '').includes('text/event-stream')) {
        const reader = res.body!.getReader();
        const decoder = new TextDecoder();
        const until = Date.now() + STREAM_MS;
        let pending: ReturnType<typeof reader.read> | null = null;
        text = '';
        while (Date.now() < until) {
          pending ??= reader.read();
          const chunk = await Promise.race([pending, new Promise<null>((r) => setTimeout(() => r(null), Math.max(0, until - Date.now())))]);
          if (!chunk) break;
          pending = null;
          if (chunk.done) break;
          text += decoder.decode(chunk.value, { stream: true });
        }
        pending?.catch(() => undefined);
        await reader.cancel().catch(() => undefined);
        controller.abort();
      } else {
        text = await res.text();
      }
      let json: any = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        // not JSON (a tile, a photo, XML, a stream): the text is still searched for leaks
      }
      return { status: res.status, text, json };
    } finally {
      clearTimeout(timeout);
    }
  };

  const signIn = async (role: Role): Promise<string> =>
    (
      await call('POST', '/api/v1/auth/login', 'anonymous', {
        json: { username: USERS[role as keyof typeof USERS], password: '1022demo!' },
      })
    ).json.accessToken;

  const file = async (key: TicketKey, category: string, hideIdentity = false, attributes: Record<string, string> = {}): Promise<Ticket> => {
    const names: Record<TicketKey, string> = { A: 'Nguyễn Văn An', B: 'Trần Thị Bình', C: 'Lê Văn Cường' };
    const person = {
      name: `${names[key]} ${run}`,
      email: `matrix.${key.toLowerCase()}.${run}@example.com`,
      phone: `09${String(Date.now() + key.charCodeAt(0)).slice(-8)}`,
    };
    const tag = `kiemtra-${run}-${key}${hideIdentity ? '-an' : ''}`;
    const filed = await call('POST', '/api/v1/reports', 'anonymous', {
      json: {
        category,
        ...POINT,
        description: `Phản ánh kiểm tra phân quyền ${tag}`,
        attributes,
        reporter: { ...person, hideIdentity },
        consent: true,
      },
    });
    expect({ category, status: filed.status, issues: filed.json?.issues }).toEqual({ category, status: 201, issues: undefined });
    await app.get(RoutingService).routeNew(filed.json.id);
    const [row] = await db.query(
      `SELECT r.assigned_unit_id AS "unitId", h.code AS "unitCode" FROM report r JOIN handling_unit h ON h.id = r.assigned_unit_id WHERE r.id = $1`,
      [filed.json.id],
    );
    return {
      key,
      id: filed.json.id,
      code: filed.json.code,
      unitId: row.unitId,
      unitCode: row.unitCode,
      category,
      tag,
      secret: filed.json.reporterSecret,
      ...person,
    };
  };

  beforeAll(async () => {
    app = await createTestHttpApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await app.getUrl();
    db = app.get(getDataSourceToken());
    for (const role of Object.keys(USERS)) tokens[role as Role] = await signIn(role as Role);
    tickets.A = await file('A', 'illegal-construction');
    tickets.B = await file('B', 'street-light');
    tickets.C = await file('C', 'traffic-light', false, { fault: 'tat' });
    const [units] = await db.query(
      `SELECT (SELECT unit_id FROM app_user WHERE username = 'ward.benthanh') AS ward, (SELECT unit_id FROM app_user WHERE username = 'dept.xaydung') AS dept,
              (SELECT id FROM handling_unit WHERE code = 'SAPULICO') AS sapulico`,
    );
    expect([tickets.A.unitId, tickets.B.unitId, tickets.C.unitId]).toEqual([units.ward, units.sapulico, units.dept]);

    const doc = (await call('GET', '/api/docs-json', 'anonymous')).json;
    for (const [template, item] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [lower, op] of Object.entries<any>(item)) {
        const method = lower.toUpperCase() as Method;
        if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
        const policy = classify(method, template);
        if (!policy) {
          unclassified.push(`${method} ${template}`);
          continue;
        }
        const json = op.requestBody?.content?.['application/json']?.schema;
        const requestSchema = json?.$ref ? doc.components.schemas[json.$ref.split('/').pop()] : json;
        const parameters: any[] = op.parameters ?? [];
        // An enumerated path parameter (an action, a format) makes one operation per value.
        const enumerated = parameters.find((p) => p.in === 'path' && p.schema?.enum);
        const ids = (c: Cell) => (policy.scope === 'unit' ? c.ticket.unitId : policy.scope === 'ticket' ? c.ticket.id : null);
        for (const value of enumerated ? (enumerated.schema.enum as string[]) : [null]) {
          operations.push({
            method,
            template,
            label: `${method} ${value === null ? template : template.replace(`{${enumerated.name}}`, value)}`,
            policy,
            requestSchema,
            requiredQuery: parameters.filter((p) => p.in === 'query' && p.required).map((p) => ({ name: p.name, schema: p.schema ?? {} })),
            path: (c) =>
              template.replace(/\{([^}]+)\}/g, (_, name: string) =>
                encodeURIComponent(name === enumerated?.name ? value! : name === 'id' && ids(c) ? ids(c)! : pathSample(name, template, c)),
              ),
          });
        }
      }
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  const urlOf = (op: Operation, c: Cell) => {
    const query = new URLSearchParams();
    for (const p of op.requiredQuery) query.set(p.name, querySample(p.name, p.schema, c));
    for (const [k, v] of Object.entries(op.policy.query?.(c) ?? {})) query.set(k, v);
    const qs = query.toString();
    return `${op.path(c)}${qs ? `?${qs}` : ''}`;
  };
  const payloadOf = (op: Operation, c: Cell) => {
    if (op.method === 'GET' || op.method === 'DELETE') return undefined;
    if (op.policy.form) return { form: op.policy.form(c) };
    return { json: op.policy.body?.(c) ?? {} };
  };

  it('classifies every operation the document lists, with a valid body for the writes that need one', () => {
    expect({
      unclassified,
      fix: unclassified.length
        ? 'classify each in backend/src/testing/access-policy.ts: an EXACT entry, or a path under a RULE (' +
          RULES.map((r) => r.rule).join('; ') +
          ')'
        : '',
    }).toEqual({ unclassified: [], fix: '' });
    expect(operations.length).toBeGreaterThanOrEqual(40);
    for (const op of operations) {
      if (!op.policy.body) continue;
      const body = op.policy.body({ role: 'admin', side: 'own', ticket: tickets.A, tickets }) as Record<string, unknown>;
      const known = Object.keys(op.requestSchema?.properties ?? {});
      expect({
        operation: op.label,
        missing: (op.requestSchema?.required ?? []).filter((f) => !(f in body)),
        unknown: Object.keys(body).filter((f) => !known.includes(f)),
      }).toEqual({
        operation: op.label,
        missing: [],
        unknown: [],
      });
    }
  });

  it('decides every cell: 401 anonymous, 403 roles not admitted, officials held to their unit, no leak, no write across units', async () => {
    const failures: string[] = [];
    let cells = 0;
    for (const op of operations) {
      const { policy } = op;
      const sided = policy.scope === 'ticket' || policy.scope === 'unit';
      const admitted = (role: Role) => policy.admits === 'anyone' || policy.admits.includes(role);
      for (const role of ROLES) {
        for (const side of sided ? (['own', 'other'] as const) : [null]) {
          const ticket = tickets[side === 'other' ? OTHER : OWN[role]];
          const c: Cell = { role, side, ticket, tickets };
          const res = await call(op.method, urlOf(op, c), role, payloadOf(op, c), policy.headers?.(c));
          cells++;
          if (policy.signsOut && role !== 'anonymous') tokens[role] = await signIn(role);
          const cell = `${role} × ${op.label}${side ? ` × ${side} unit's ${policy.scope} (${ticket.key})` : ''} → ${res.status}`;
          const ok = res.status >= 200 && res.status < 300;
          if (res.status >= 500) failures.push(`${cell}: server error`);
          if (policy.ownToken) {
            if (res.status !== 401) failures.push(`${cell}: without its ${policy.ownToken} token, expected 401`);
          } else if (!admitted(role)) {
            const expected = role === 'anonymous' ? 401 : 403;
            if (res.status !== expected) failures.push(`${cell}: not admitted, expected ${expected}`);
          } else if (isOfficial(role) && side === 'other') {
            if (![403, 404].includes(res.status))
              failures.push(`${cell}: an official reached another unit's ${policy.scope}, expected 403/404`);
          } else if ([401, 403].includes(res.status) || (sided && res.status === 404)) {
            failures.push(`${cell}: refused a caller the policy admits`);
          }

          // Contact details: only the cell's own ticket, only to roles that need them, never on public operations.
          for (const t of Object.values(tickets)) {
            const shown = [t.email, t.name, t.phone].filter((v) => res.text.includes(v));
            if (shown.length === 0) continue;
            const mayShow =
              (policy.scope !== 'public' &&
                sided &&
                t === ticket &&
                (policy.seesReporter ?? []).includes(role) &&
                (!isOfficial(role) || side === 'own')) ||
              (policy.holdsContacts ?? []).includes(role);
            if (!mayShow) failures.push(`${cell}: contact details of ticket ${t.key} leaked (${shown.length} field(s))`);
          }
          // Another unit's tickets never reach an official, in any list or figure.
          if (ok && isOfficial(role) && policy.scope !== 'public') {
            for (const t of Object.values(tickets)) {
              if (t.unitId === tickets[OWN[role]].unitId) continue;
              if ([t.id, t.code, t.tag].some((v) => res.text.includes(v)))
                failures.push(`${cell}: another unit's ticket ${t.key} reached an official`);
            }
          }
          if (
            ok &&
            op.template === '/api/v1/reports/{id}' &&
            (policy.seesReporter ?? []).includes(role) &&
            (!isOfficial(role) || side === 'own') &&
            !res.json.reporter
          ) {
            failures.push(`${cell}: reporter missing for a role that needs it`);
          }
          failures.push(...(policy.check?.(c, res) ?? []).map((f) => `${cell}: ${f}`));
        }
      }
    }
    expect(failures).toEqual([]);
    expect(cells).toBe(
      operations.reduce((n, op) => n + ROLES.length * (op.policy.scope === 'ticket' || op.policy.scope === 'unit' ? 2 : 1), 0),
    );

    // Nothing moved: the stale, same-unit and same-category writes changed no assignment or category.
    const rows = await db.query(
      `SELECT r.id, r.assigned_unit_id AS "unitId", c.code AS category FROM report r JOIN category c ON c.id = r.category_id WHERE r.id = ANY($1)`,
      [Object.values(tickets).map((t) => t.id)],
    );
    for (const t of Object.values(tickets))
      expect(rows.find((r: { id: string }) => r.id === t.id)).toMatchObject({ unitId: t.unitId, category: t.category });
    // The caller-history searches that were answered (the operator's only) are each in the audit, the refused ones nowhere.
    const searches = await db.query(
      `SELECT a.actor_role AS role, a.result_count AS "resultCount" FROM audit_event a JOIN audit_event_personal p ON p.event_id = a.id
        WHERE a.type = 'caller_history_searched' AND p.subject = $1`,
      [tickets.B.phone],
    );
    expect(searches).toEqual([{ role: 'operator', resultCount: 1 }]);
  }, 300_000);

  it('has data for its checks to find: they could fail', async () => {
    // The operator's own view of a ticket carries the reporter; the same answer on a public
    // operation, or for another ticket, would be a leak by the rules above.
    const view = await call('GET', `/api/v1/reports/${tickets.A.id}`, 'operator');
    expect(view.text).toContain(tickets.A.email);
    // The other unit has on-time figures an unscoped answer would hand an official.
    const cell: Cell = { role: 'leader', side: null, ticket: tickets.A, tickets };
    const figures = await call(
      'GET',
      `/api/v1/stats/on-time?${new URLSearchParams({ to: new Date().toISOString(), ...EXACT['GET /api/v1/stats/on-time'].query!(cell) }).toString()}`,
      'leader',
    );
    expect(figures.json.map((row: { key: string }) => row.key)).toEqual([tickets.B.unitCode]);
    const official = await call('GET', `/api/v1/units/${tickets.A.unitId}/queue?limit=500`, 'ward_official');
    expect(official.status).toBe(200);
    expect(official.text).toContain(tickets.A.id);
    expect(official.text).not.toContain(tickets.B.id);
    const operator = await call('GET', `/api/v1/callers/${tickets.B.phone}/reports`, 'operator');
    expect(operator.json.map((r: { id: string }) => r.id)).toEqual([tickets.B.id]);
  });

  it('audits every reporter view, with actor, role and fields', async () => {
    const before = await db.query(`SELECT count(*)::int AS n FROM report_event WHERE report_id = $1 AND type = 'personal_data_viewed'`, [
      tickets.A.id,
    ]);
    for (const role of ['operator', 'ward_official', 'leader', 'admin'] as Role[])
      await call('GET', `/api/v1/reports/${tickets.A.id}`, role);
    const events = await db.query(
      `SELECT e.actor_role AS role, u.username, e.data, e.is_public AS "isPublic" FROM report_event e JOIN app_user u ON u.id = e.actor_user_id
        WHERE e.report_id = $1 AND e.type = 'personal_data_viewed' ORDER BY e.id OFFSET $2`,
      [tickets.A.id, before[0].n],
    );
    expect(events).toEqual([
      { role: 'operator', username: 'operator', data: { fields: ['name', 'phone', 'email'] }, isPublic: false },
      { role: 'ward_official', username: 'ward.benthanh', data: { fields: ['name', 'phone', 'email'] }, isPublic: false },
    ]);
  });

  it('hides a hidden reporter from everyone but an admin who reveals with a logged reason', async () => {
    const hidden = await file('A', 'illegal-construction', true);
    for (const role of ['operator', 'ward_official', 'leader', 'admin'] as Role[]) {
      const res = await call('GET', `/api/v1/reports/${hidden.id}`, role);
      expect({ role, status: res.status, reporter: res.json.reporter, leaked: res.text.includes(hidden.email) }).toEqual({
        role,
        status: 200,
        reporter: null,
        leaked: false,
      });
    }
    const short = await call('POST', `/api/v1/reports/${hidden.id}/reveal-reporter`, 'admin', { json: { reason: 'vì sao' } });
    expect(short.status).toBe(400);
    expect(short.json.issues[0].field).toBe('reason');
    expect(
      (await call('POST', `/api/v1/reports/${hidden.id}/reveal-reporter`, 'leader', { json: { reason: 'Yêu cầu của cơ quan điều tra' } }))
        .status,
    ).toBe(403);

    const revealed = await call('POST', `/api/v1/reports/${hidden.id}/reveal-reporter`, 'admin', {
      json: { reason: 'Yêu cầu của cơ quan điều tra số 12/2025' },
    });
    expect(revealed.status).toBe(200);
    expect(revealed.json.reporter).toMatchObject({ email: hidden.email, hideIdentity: true });
    const events = await db.query(
      `SELECT e.type, e.actor_role AS role, e.is_public AS "isPublic", ep.message, e.data || coalesce(ep.data, '{}') AS data
         FROM report_event e LEFT JOIN report_event_personal ep ON ep.event_id = e.id
        WHERE e.report_id = $1 AND e.type LIKE 'personal_data_%' ORDER BY e.id`,
      [hidden.id],
    );
    // The whole trace of this reporter's details: stored at filing (anonymous web form), then revealed once.
    expect(events).toEqual([
      {
        type: 'personal_data_recorded',
        role: null,
        isPublic: false,
        message: null,
        data: { subject: 'reporter', fields: ['name', 'phone', 'email'], hideIdentity: true, channel: 'web' },
      },
      {
        type: 'personal_data_revealed',
        role: 'admin',
        isPublic: false,
        message: 'Yêu cầu của cơ quan điều tra số 12/2025',
        data: { fields: ['name', 'phone', 'email'], reason: 'Yêu cầu của cơ quan điều tra số 12/2025' },
      },
    ]);
  });
});

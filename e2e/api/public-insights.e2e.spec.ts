import { randomUUID } from 'node:crypto';
import { PUBLIC_SNAP_M } from '../../backend/src/modules/maps/tile-grid';
import { api, login } from '../support/api';

/**
 * The transparency map's figures through the running server, as an anonymous visitor: a cell
 * stays hidden under 5 reports, shows counts by public category from 5 on, and no answer carries
 * a reporter's name, phone or email, a description or a tracking code.
 */

const WORLD_M = 2 * 20037508.342789244;
const R = WORLD_M / (2 * Math.PI);
const toMercator = (lat: number, lng: number) => ({
  x: (lng * Math.PI * R) / 180,
  y: R * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)),
});
const fromMercator = (x: number, y: number) => ({
  lng: (x / R) * (180 / Math.PI),
  lat: (2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * (180 / Math.PI),
});
// Keys that would carry personal data or identify a report; none may appear in a public answer.
const FORBIDDEN_KEYS = [
  'phone',
  'email',
  'reporter',
  'reporterName',
  'fullName',
  'description',
  'address',
  'id',
  'trackingCode',
  'codes',
  'lat',
  'lng',
];

function keysOf(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

describe('public insight figures (anonymous, e2e)', () => {
  const tag = randomUUID().slice(0, 8);
  const person = {
    name: `Trần Thị Công Khai ${tag}`,
    phone: `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    email: `cong.khai.${tag}@example.com`,
  };
  const filed: { code: string; description: string }[] = [];
  let centre: { lat: number; lng: number };

  /** A public snap cell (~150 m) whose 500 m neighbourhood had no report in the last 30 days (read from the leaders' change figures). */
  async function quietCell(): Promise<{ lat: number; lng: number }> {
    const token = await login('leader');
    const change = await api('GET', '/api/v1/insights/change?period=month', { token });
    expect(change.status).toBe(200);
    const busy = new Set(
      (change.body.cells as { lat: number; lng: number; current: number }[])
        .filter((c) => c.current > 0)
        .map((c) => {
          const { x, y } = toMercator(c.lat, c.lng);
          return `${Math.floor(x / 500)}:${Math.floor(y / 500)}`;
        }),
    );
    for (let attempt = 0; attempt < 50; attempt++) {
      // Thủ Đức's residential east, away from the demo hotspots of the old centre.
      const probe = { lat: 10.83 + Math.random() * 0.04, lng: 106.76 + Math.random() * 0.04 };
      const { x, y } = toMercator(probe.lat, probe.lng);
      const [i, j] = [Math.floor(x / 500), Math.floor(y / 500)];
      let quiet = true;
      for (let di = -1; di <= 1; di++) for (let dj = -1; dj <= 1; dj++) if (busy.has(`${i + di}:${j + dj}`)) quiet = false;
      if (!quiet) continue;
      const ci = Math.floor((x + WORLD_M / 2) / PUBLIC_SNAP_M);
      const cj = Math.floor((y + WORLD_M / 2) / PUBLIC_SNAP_M);
      return fromMercator(-WORLD_M / 2 + (ci + 0.5) * PUBLIC_SNAP_M, -WORLD_M / 2 + (cj + 0.5) * PUBLIC_SNAP_M);
    }
    throw new Error('no quiet cell found');
  }

  async function file(category: string, k: number): Promise<void> {
    const description = `Phản ánh kiểm thử bản đồ công khai ${tag} số ${k}`;
    const res = await api('POST', '/api/v1/reports', {
      json: {
        category,
        // Within ±25 m of the cell's centre, so inside its ~150 m square.
        lat: centre.lat + ((k % 3) - 1) * 0.0002,
        lng: centre.lng + ((k % 2) - 0.5) * 0.0004,
        description,
        channel: 'web',
        reporter: { ...person },
        consent: true,
      },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect({ status: res.status, body: res.status === 201 ? 'ok' : res.body }).toEqual({ status: 201, body: 'ok' });
    filed.push({ code: res.body.code, description });
  }

  const leaks = (text: string) =>
    [person.name, person.phone, person.email, tag, ...filed.flatMap((f) => [f.code, f.description])].filter((needle) =>
      text.includes(needle),
    );

  beforeAll(async () => {
    centre = await quietCell();
  });

  it('hides a cell under 5 reports and names only categories of 5 reports or more', async () => {
    for (let k = 0; k < 4; k++) await file('garbage', k);
    // Kept off public maps: reports that may name people.
    await file('public-order', 4);
    const url = `/api/v1/public/insights/cell?lat=${centre.lat}&lng=${centre.lng}&z=17`;

    const hidden = await api('GET', url);
    expect(hidden.status).toBe(200);
    expect(hidden.body).toEqual({ hidden: true });

    await file('noise', 5);
    const unnamed = await api('GET', url);
    expect(unnamed.status).toBe(200);
    // Five reports make the cell; no category of them has five, so none is named.
    expect(unnamed.body).toMatchObject({ hidden: false, cellM: PUBLIC_SNAP_M, total: 5, categories: [], others: 5 });

    await file('garbage', 6);
    const shown = await api('GET', url);
    expect(shown.body).toMatchObject({ hidden: false, total: 6, others: 1 });
    expect(shown.body.categories.map((c: { category: string; count: number }) => [c.category, c.count])).toEqual([['garbage', 5]]);
    expect(Object.keys(shown.body).sort()).toEqual(['categories', 'cellM', 'from', 'hidden', 'others', 'to', 'total']);
    for (const c of shown.body.categories) expect(Object.keys(c).sort()).toEqual(['category', 'count', 'name', 'nameEn']);
    const text = JSON.stringify(shown.body);
    expect(leaks(text)).toEqual([]);
    expect([...keysOf(shown.body)].filter((k) => FORBIDDEN_KEYS.includes(k))).toEqual([]);
  });

  it('publishes ward figures without personal data', async () => {
    const res = await api('GET', '/api/v1/public/insights/wards');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.body.wards).toHaveLength(168);
    for (const w of res.body.wards) {
      expect(Object.keys(w).sort()).toEqual(['code', 'name', 'onTimeRate', 'received', 'resolved']);
      // The ward's official code and name, never a tracking code.
      expect(w.code).toMatch(/^\d{5}$/);
      expect(w.name).toMatch(/^(Phường|Xã|Đặc khu) /);
      expect(w.onTimeRate === null || (w.onTimeRate >= 0 && w.onTimeRate <= 1)).toBe(true);
    }
    const total = res.body.wards.reduce((s: number, w: { received: number }) => s + w.received, 0);
    expect(total).toBeGreaterThanOrEqual(5);
    expect(leaks(JSON.stringify(res.body))).toEqual([]);
    expect([...keysOf(res.body)].filter((k) => FORBIDDEN_KEYS.includes(k))).toEqual([]);
  });

  it('needs no sign-in, while the leaders’ figures do', async () => {
    expect((await api('GET', '/api/v1/public/insights/wards')).status).toBe(200);
    expect((await api('GET', '/api/v1/insights/wards')).status).toBe(401);
  });
});

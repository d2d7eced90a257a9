import { api } from '../support/api';
import { baseUrl } from '../support/browser';

describe('GET /api/v1/geo/wards', () => {
  it('returns the 168 current units with their official 5-digit codes and names', async () => {
    const r = await api('GET', '/api/v1/geo/wards');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/geo\+json/);
    expect(r.body.type).toBe('FeatureCollection');
    expect(r.body.features).toHaveLength(168);
    const codes = new Set(r.body.features.map((f: any) => f.properties.code));
    expect(codes.size).toBe(168);
    for (const f of r.body.features) {
      expect(f.properties.code).toMatch(/^\d{5}$/);
      expect(f.properties.name).toMatch(/^(Phường|Xã|Đặc khu) /);
      expect(f.geometry.type).toBe('MultiPolygon');
    }
    const kinds = r.body.features.reduce(
      (acc: Record<string, number>, f: any) => ({ ...acc, [f.properties.kind]: (acc[f.properties.kind] ?? 0) + 1 }),
      {},
    );
    expect(kinds).toEqual({ phuong: 113, xa: 54, dac_khu: 1 });
    const benThanh = r.body.features.find((f: any) => f.properties.name === 'Phường Bến Thành');
    expect(benThanh.properties.population).toBeGreaterThan(0);
  });

  it('supports conditional requests', async () => {
    const first = await api('GET', '/api/v1/geo/wards');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(`${baseUrl}/api/v1/geo/wards`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });
});

describe('GET /api/v1/tiles/basemap/{z}/{x}/{y}.mvt', () => {
  // z12 tile over District 1 / Bến Thành: x = 3261, y = 1924.
  it('serves a vector tile with water, roads and ward layers for the city centre', async () => {
    const r = await fetch(`${baseUrl}/api/v1/tiles/basemap/12/3261/1924.mvt`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    const bytes = Buffer.from(await r.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(1000);
    const text = bytes.toString('latin1');
    for (const layer of ['roads', 'wards']) expect(text).toContain(layer);
    expect(bytes.toString('utf8')).toContain('Phường Bến Thành');
  });

  it('returns an empty tile far from the city and 400 for a tile that cannot exist', async () => {
    const far = await fetch(`${baseUrl}/api/v1/tiles/basemap/12/0/0.mvt`);
    expect(far.status).toBe(200);
    expect((await far.arrayBuffer()).byteLength).toBe(0);
    const bad = await api('GET', '/api/v1/tiles/basemap/3/9/0.mvt');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('geo.invalid_tile');
  });
});

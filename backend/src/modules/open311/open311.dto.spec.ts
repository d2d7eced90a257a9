import { listRequestsQuerySchema, postRequestSchema } from './open311.dto';

describe('postRequestSchema', () => {
  it('reads a GeoReport form post into typed fields', () => {
    const parsed = postRequestSchema.parse({
      api_key: 'k',
      service_code: ' flooding ',
      lat: '10.7725',
      long: '106.6981',
      'attribute[depth]': '20-50cm',
      'attribute[kinds][]': ['a', 'b'],
      phone: '+84 912 345 678',
      email: '',
    });
    expect(parsed).toEqual({
      api_key: 'k',
      service_code: 'flooding',
      lat: 10.7725,
      long: 106.6981,
      attribute: { depth: '20-50cm', kinds: ['a', 'b'] },
      phone: '0912345678',
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a missing service_code', { lat: '1', long: '2' }, 'service_code'],
    ['a NUL in service_code', { service_code: 'a\u0000' }, 'service_code'],
    ['a latitude in words', { service_code: 'x', lat: 'north' }, 'lat'],
    ['a latitude past the pole', { service_code: 'x', lat: '90.5' }, 'lat'],
    ['a media_url that is not http', { service_code: 'x', media_url: 'file:///etc/passwd' }, 'media_url'],
    ['a description over 4000 characters', { service_code: 'x', description: 'a'.repeat(4001) }, 'description'],
    ['an attribute answer that is an object', { service_code: 'x', attribute: { depth: { a: 1 } } }, 'attribute'],
  ])('refuses %s', (_, body, field) => {
    const result = postRequestSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => String(i.path[0]))).toContain(field);
  });
});

describe('listRequestsQuerySchema', () => {
  it('splits lists, reads dates and drops empty parameters', () => {
    expect(
      listRequestsQuerySchema.parse({
        service_code: 'pothole, flooding',
        status: ['open', 'closed'],
        start_date: '2026-11-01T00:00:00+07:00',
        end_date: '',
        jurisdiction_id: '',
      }),
    ).toEqual({ service_code: ['pothole', 'flooding'], status: ['open', 'closed'], start_date: new Date('2026-10-31T17:00:00Z') });
  });

  it.each([{ status: 'pending' }, { start_date: 'yesterday' }, { service_request_id: Array(1001).fill('X').join(',') }])(
    'refuses %j',
    (query) => {
      expect(listRequestsQuerySchema.safeParse(query).success).toBe(false);
    },
  );
});

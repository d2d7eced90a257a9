import { REDACTED as R } from '../privacy/redact-personal-text';
import { loggedRequestTarget, RequestTarget } from './access-log';
import { itMapsEach } from '../../testing/table';

const ID = '3f2b8c1e-35f3-4715-9c1a-0d6f2e7a9b10';

describe('loggedRequestTarget', () => {
  itMapsEach<RequestTarget, string>('%j → %j', loggedRequestTarget, [
    // Ids, codes and tile numbers stay: they name a ticket or a place on the map, not a person.
    [{ url: `/api/v1/reports/${ID}`, route: '/api/v1/reports/:id', params: { id: ID } }, `/api/v1/reports/${ID}`],
    [
      { url: '/api/v1/track/HCM-26-000123', route: '/api/v1/track/:code', params: { code: 'HCM-26-000123' } },
      '/api/v1/track/HCM-26-000123',
    ],
    [
      {
        url: '/api/v1/public/tiles/reports/12/3261/1924.mvt',
        route: '/api/v1/public/tiles/reports/:z/:x/:y.mvt',
        params: { z: '12', x: '3261', y: '1924' },
      },
      '/api/v1/public/tiles/reports/12/3261/1924.mvt',
    ],
    [
      {
        url: '/open311/v2/requests/HCM-1.json',
        route: '/open311/v2/requests/:service_request_id.:format',
        params: { service_request_id: 'HCM-1', format: 'json' },
      },
      '/open311/v2/requests/HCM-1.json',
    ],
    // A caller's number and an Open311 token in the path are masked, the route still shows.
    [
      { url: '/api/v1/callers/0901234567/reports', route: '/api/v1/callers/:phone/reports', params: { phone: '0901234567' } },
      `/api/v1/callers/${R}/reports`,
    ],
    [
      { url: '/open311/v2/tokens/a1b2c3.json', route: '/open311/v2/tokens/:token.:format', params: { token: 'a1b2c3', format: 'json' } },
      `/open311/v2/tokens/${R}.json`,
    ],
    [{ url: '/assets/index-1.js', route: '/assets/*', params: { '*': 'index-1.js' } }, '/assets/index-1.js'],
    [{ url: '/track/0901234567', route: '/*', params: { '*': 'track/0901234567' } }, `/track/${R}`],
    // A kept parameter holding something that is not a code is masked all the same.
    [{ url: '/api/v1/track/0901234567', route: '/api/v1/track/:code', params: { code: '0901234567' } }, `/api/v1/track/${R}`],
    [{ url: '/api/v1/track/a%20b@c.vn', route: '/api/v1/track/:code', params: { code: 'a b@c.vn' } }, `/api/v1/track/${R}`],
    // Query: codes, enums, dates and paging stay; secrets, searches and positions are masked by name.
    [
      {
        url: '/api/v1/tiles/reports/11/1630/962.mvt?category=garbage,pothole&from=2026-11-01T00:00:00Z',
        route: '/api/v1/tiles/reports/:z/:x/:y.mvt',
        params: { z: '11', x: '1630', y: '962' },
      },
      '/api/v1/tiles/reports/11/1630/962.mvt?category=garbage,pothole&from=2026-11-01T00:00:00Z',
    ],
    [{ url: '/api/v1/track/HCM-1?k=s3cr3t-value', route: '/api/v1/track/:code', params: { code: 'HCM-1' } }, `/api/v1/track/HCM-1?k=${R}`],
    [
      {
        url: '/open311/v2/requests.json?api_key=demo-open311-key&status=open',
        route: '/open311/v2/requests.:format',
        params: { format: 'json' },
      },
      `/open311/v2/requests.json?api_key=${R}&status=open`,
    ],
    [{ url: '/api/v1/geo/search?q=12+L%C3%AA+L%E1%BB%A3i', route: '/api/v1/geo/search', params: {} }, `/api/v1/geo/search?q=${R}`],
    [
      { url: '/api/v1/geo/locate?lat=10.7725&lng=106.6981', route: '/api/v1/geo/locate', params: {} },
      `/api/v1/geo/locate?lat=${R}&lng=${R}`,
    ],
    [
      { url: '/api/v1/reports/duplicates?phone=0901234567', route: '/api/v1/reports/duplicates', params: {} },
      `/api/v1/reports/duplicates?phone=${R}`,
    ],
    [{ url: '/api/v1/staff?status=0901234567', route: '/api/v1/staff', params: {} }, `/api/v1/staff?status=${R}`],
    [{ url: '/api/v1/staff?active', route: '/api/v1/staff', params: {} }, '/api/v1/staff?active'],
    [{ url: '/api/v1/staff?%3Cscript%3E=1', route: '/api/v1/staff', params: {} }, `/api/v1/staff?${R}`],
    // A URL that matched no route: plain words stay, anything else may be a value.
    [{ url: '/api/v1/nowhere/0901234567' }, `/api/v1/nowhere/${R}`],
    [{ url: '/api/v1/unknown/bimat@example.com?k=x' }, `/api/v1/unknown/${R}?k=${R}`],
    [{ url: '/favicon.ico' }, '/favicon.ico'],
    [{ url: '/' }, '/'],
  ]);

  it('never writes more than 512 characters', () => {
    const url = `/api/v1/staff?${Array.from({ length: 200 }, (_, i) => `page=${i}`).join('&')}`;
    expect(loggedRequestTarget({ url, route: '/api/v1/staff', params: {} }).length).toBe(512);
  });
});

/**
 * Every query key of the app, in one place: a mutation invalidates what it changes by these
 * prefixes (a ticket action invalidates `reports(id)` and the queues), and two screens asking for
 * the same data share one cache entry.
 */
export const queryKeys = {
  categories: () => ['categories'] as const,
  units: () => ['units'] as const,
  placeSearch: (query: string, limit: number) => ['geo', 'search', query, limit] as const,
  locate: (lat: number, lng: number) => ['geo', 'locate', lat, lng] as const,
  /** Every view of tickets: the staff detail, queues, duplicates, a caller's history, the public tracking page. */
  tickets: () => ['tickets'] as const,
  report: (id: string) => ['tickets', 'report', id] as const,
  queue: (unitId: string) => ['tickets', 'queue', unitId] as const,
  duplicates: (query: { category: string; lat: number; lng: number; text: string }) => ['tickets', 'duplicates', query] as const,
  /** Not under tickets: each lookup of a caller's history is audited, so no change elsewhere refreshes it. */
  callerReports: (phone: string) => ['callers', phone] as const,
  /** Kept in memory only, like every key: the reporter's secret tells apart what the reporter and the public see. */
  tracked: (code: string, secret: string | null) => ['tickets', 'track', code, secret] as const,
  /** The subject's own data on /privacy, by its access token; kept in memory only while the page shows it. */
  myData: (token: string) => ['privacy', 'my-data', token] as const,
  /** The staff list of personal-data requests. */
  privacyRequests: () => ['admin', 'privacy-requests'] as const,
  privacyRequestList: (status: string | null) => ['admin', 'privacy-requests', status] as const,
  publicCell: (lat: number, lng: number, zoom: number) => ['public', 'cell', lat, lng, zoom] as const,
  publicWards: () => ['public', 'wards'] as const,
  /** The current wards' GeoJSON, shared by every map and the admin pages' ward names. */
  wards: () => ['geo', 'wards'] as const,
  /** The signed-in user's own sessions. */
  sessions: () => ['account', 'sessions'] as const,
  /** Every admin list: a change made on one admin page invalidates the lists it touches by these prefixes. */
  staff: () => ['admin', 'users'] as const,
  staffPage: (query: { q: string; offset: number; limit: number }) => ['admin', 'users', query] as const,
  audit: (query: object) => ['admin', 'audit', query] as const,
  routingRules: () => ['admin', 'routing-rules'] as const,
  routingRuleList: (query: { category: string | null; wardCode: string | null; activeOnly: boolean }) =>
    ['admin', 'routing-rules', query] as const,
  slaPolicies: () => ['admin', 'sla-policies'] as const,
  calendar: () => ['admin', 'calendar'] as const,
  calendarYear: (year: number) => ['admin', 'calendar', year] as const,
  onTime: (query: { groupBy: string; from: string; to: string }) => ['stats', 'on-time', query] as const,
  /** The leaders' figures, by endpoint and its query. */
  insights: (what: string, query: unknown) => ['insights', what, query] as const,
};

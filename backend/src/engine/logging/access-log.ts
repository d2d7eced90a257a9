/**
 * What the access log may say of a request's target (registry: "API access log"). A URL can carry
 * personal data and secrets — a caller's number in `/callers/:phone/reports`, an Open311 token,
 * `api_key`, a searched address in `q`, a citizen's own position in `lat`/`lng` — so the log keeps
 * only what names no one: route parameters that are ids, codes or tile numbers, and query values
 * that are codes, enums, dates or paging. Everything else becomes REDACTED, the name stays (an
 * operator still sees which filter was used). Plain TypeScript, no Fastify.
 */
import { REDACTED, redactPersonalText } from '../privacy/redact-personal-text';

/** Route parameters whose values name a ticket, a tile or a format, never a person. */
const KEPT_PARAMS = new Set(['id', 'code', 'z', 'x', 'y', 'format', 'service_code', 'service_request_id', 'date']);

/** Query parameters whose values are codes, enums, dates, ids or paging. */
const KEPT_QUERY = new Set([
  'active',
  'at',
  'category',
  'days',
  'end_date',
  'from',
  'g',
  'group',
  'groupBy',
  'kind',
  'limit',
  'locale',
  'offset',
  'page',
  'period',
  'role',
  'service_code',
  'service_request_id',
  'sla',
  'start_date',
  'status',
  'to',
  'type',
  'unit',
  'unitId',
  'wardCode',
  'z',
]);

/** A path segment of an unknown route kept as it is: a plain word, at most two digits in a row (`v1`, not a number). */
const PLAIN_SEGMENT = /^(?!.*\d{3})[A-Za-z][\w-]{0,31}(?:\.[a-z]{1,8})?$/;
const QUERY_NAME = /^[A-Za-z_][\w.[\]-]{0,31}$/;
const MAX_LENGTH = 512;

export interface RequestTarget {
  /** The raw URL of the request (path and query). */
  url: string;
  /** The route it matched, as declared (`/api/v1/callers/:phone/reports`); undefined when none did. */
  route?: string;
  /** The matched route's parameters. */
  params?: Record<string, string | undefined>;
}

/** The request's path and query as the access log writes them. */
export function loggedRequestTarget({ url, route, params }: RequestTarget): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? '' : url.slice(q + 1);
  const shownPath = route ? fillRoute(route, params ?? {}) : maskUnknownPath(path);
  const shownQuery = query ? maskQuery(query) : '';
  return (shownQuery ? `${shownPath}?${shownQuery}` : shownPath).slice(0, MAX_LENGTH);
}

function fillRoute(route: string, params: Record<string, string | undefined>): string {
  return (
    route
      .replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_m, name: string) => {
        const value = params[name];
        return KEPT_PARAMS.has(name) && value !== undefined ? safe(value) : REDACTED;
      })
      // A wildcard (static files, the web app's own routes) is a path of its own.
      .replace(/\*/g, () => maskUnknownPath(params['*'] ?? REDACTED))
  );
}

function maskUnknownPath(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment === '' || PLAIN_SEGMENT.test(segment) ? segment : REDACTED))
    .join('/');
}

function maskQuery(query: string): string {
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = decode(eq < 0 ? pair : pair.slice(0, eq));
      if (!QUERY_NAME.test(name)) return REDACTED;
      if (eq < 0) return name;
      return KEPT_QUERY.has(name) ? `${name}=${safe(decode(pair.slice(eq + 1)))}` : `${name}=${REDACTED}`;
    })
    .join('&');
}

/** A kept value as it is, unless it does not look like a code or looks like a number of a person (a kept name may be misused). */
function safe(value: string): string {
  return /^[\w.:,+-]{0,64}$/.test(value) && redactPersonalText(value) === value ? value : REDACTED;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

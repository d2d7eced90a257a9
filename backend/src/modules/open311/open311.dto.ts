import { z } from 'zod';
import { phoneSchema, text } from '../intake/intake.dto';
import { atMostAttributes } from '../intake/report-attributes';
import { normalizeForm } from './open311-form';
import { LOCALES, Open311Status, parseW3cDatetime } from './open311-mapping';

export const FORMATS = ['json', 'xml'] as const;
export type Format = (typeof FORMATS)[number];
const formatSchema = z.enum(FORMATS, { error: 'The format must be .json or .xml' });
// text() refuses NUL, which PostgreSQL cannot take in a text parameter (a 500 otherwise).
const pathId = text(100).min(1);

// Path parameters are validated as one object so that an error names the parameter.
export const formatParams = z.object({ format: formatSchema });
export const serviceParams = z.object({ service_code: pathId, format: formatSchema });
export const requestParams = z.object({ service_request_id: pathId, format: formatSchema });
export const tokenParams = z.object({ token: pathId, format: formatSchema });
export type FormatParams = z.infer<typeof formatParams>;
export type ServiceParams = z.infer<typeof serviceParams>;
export type RequestParams = z.infer<typeof requestParams>;
export type TokenParams = z.infer<typeof tokenParams>;

/** Empty query parameters count as absent (GeoReport v2, "Optional Arguments"). */
function dropEmpty(query: unknown): unknown {
  if (!query || typeof query !== 'object') return {};
  return Object.fromEntries(Object.entries(query as Record<string, unknown>).filter(([, v]) => v !== '' && v !== undefined && v !== null));
}

const decimal = z
  .string()
  .trim()
  .regex(/^[+-]?(\d+(\.\d*)?|\.\d+)$/, { message: 'must be a decimal number in WGS84 degrees' })
  .transform(Number);

const w3cDatetime = z.string().transform((s, ctx) => {
  const date = parseW3cDatetime(s);
  if (!date) {
    ctx.addIssue({ code: 'custom', message: 'must be a W3C datetime, e.g. 2026-11-21T08:30:00+07:00' });
    return z.NEVER;
  }
  return date;
});

/** "a,b" or a repeated parameter; both are allowed by the spec for list filters. */
const commaList = z.union([z.string(), z.array(z.string())]).transform((v) =>
  (Array.isArray(v) ? v : [v])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean),
);

const localeParam = z
  .string()
  .optional()
  .meta({
    description: `Language of names and descriptions: ${LOCALES.join(' or ')} (default vi; Accept-Language is honoured when absent)`,
  });

const common = {
  jurisdiction_id: z.string().max(200).optional().meta({ description: 'Accepted and ignored: this endpoint serves one jurisdiction' }),
  locale: localeParam,
};

export const localeQuerySchema = z.preprocess(dropEmpty, z.object(common));
export type LocaleQuery = z.infer<typeof localeQuerySchema>;

export const listRequestsQuerySchema = z.preprocess(
  dropEmpty,
  z.object({
    ...common,
    service_request_id: commaList
      .meta({ description: 'Tracking codes, comma-separated; overrides every other filter' })
      .pipe(z.array(text(64)).max(1000))
      .optional(),
    service_code: commaList.pipe(z.array(text(64)).max(100)).optional(),
    start_date: w3cDatetime
      .optional()
      .meta({ description: 'Earliest requested_datetime, W3C format (e.g. 2026-11-01T00:00:00+07:00); default: 90 days before end_date' }),
    end_date: w3cDatetime.optional().meta({
      description: 'Latest requested_datetime, W3C format; default: now, or 90 days after start_date. The span may not exceed 90 days',
    }),
    status: commaList.pipe(z.array(z.enum(['open', 'closed'], { error: 'status must be open or closed' }))).optional(),
  }),
);
export type ListRequestsQuery = z.infer<typeof listRequestsQuerySchema>;

export const postRequestSchema = z.preprocess(
  normalizeForm,
  z.object({
    // Checked before validation by Open311ApiKeyInterceptor (a 403 comes before any 400).
    api_key: z.string().optional(),
    jurisdiction_id: z.string().max(200).optional(),
    service_code: text(64).min(1),
    lat: decimal.pipe(z.number().min(-90).max(90)).optional(),
    long: decimal.pipe(z.number().min(-180).max(180)).optional(),
    address_string: text(500).optional(),
    address_id: z.string().max(200).optional(),
    email: z.string().trim().max(254).pipe(z.email()).optional(),
    device_id: text(200).optional(),
    account_id: text(200).optional(),
    first_name: text(100).optional(),
    last_name: text(100).optional(),
    phone: phoneSchema.optional(),
    description: text(4000).optional(),
    media_url: text(2000)
      .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }))
      .optional(),
    attribute: z
      .record(text(64).min(1), z.union([text(1000), z.array(text(200)).max(50)]))
      .superRefine(atMostAttributes)
      .default({})
      .meta({
        description:
          'Answers to the service definition: attribute[code]=key, and attribute[code][]=k1&attribute[code][]=k2 for a multivaluelist',
      }),
  }),
);
export type PostRequestForm = z.infer<typeof postRequestSchema>;

export interface ListFilter {
  codes?: string[];
  serviceCodes?: string[];
  statuses?: Open311Status[];
  start: Date;
  end: Date;
  limit: number;
}

/** How a request was made: the answer's language (links come from PUBLIC_BASE_URL). */
export interface Open311RequestContext {
  locale: (typeof LOCALES)[number];
}

export interface ServiceJson {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export interface ServiceDefinitionJson {
  service_code: string;
  attributes: {
    variable: boolean;
    code: string;
    datatype: string;
    required: boolean;
    datatype_description: string | null;
    order: number;
    description: string;
    values: { key: string; name: string }[];
  }[];
}

export interface ServiceRequestJson {
  service_request_id: string;
  status: Open311Status;
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number;
  long: number;
  media_url: string | null;
}

export interface CreatedRequestJson {
  service_request_id: string;
  token: string;
  service_notice: string;
  account_id: string | null;
  /**
   * Extension: the reporter's secret, given this once (only its hash is kept). Sent as the
   * X-Reporter-Secret header, it lets the filer reply, reject an answer and rate it.
   */
  reporter_secret: string;
  /** Extension: the reporter's private link (the secret in its fragment). */
  reporter_url: string;
}

export interface TokenJson {
  service_request_id: string;
  token: string;
}

export interface DiscoveryJson {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: { specification: string; url: string; changeset: string; type: 'production' | 'test'; formats: string[] }[];
}

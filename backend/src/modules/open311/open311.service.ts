import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { redactPersonalText } from '../../engine/privacy/redact-personal-text';
import { redactOwnValues } from '../../engine/privacy/redact-own-values';
import type { CategoryAttribute } from '../categories/category.entity';
import { IntakeService } from '../intake/intake.service';
import { snapToPublicCell } from '../maps/tile-grid';
import {
  CreatedRequestJson,
  DiscoveryJson,
  ListRequestsQuery,
  Open311RequestContext,
  PostRequestForm,
  ServiceDefinitionJson,
  ServiceJson,
  ServiceRequestJson,
  TokenJson,
} from './open311.dto';
import { Open311Exception } from './open311.exception';
import { Open311LocationService } from './open311-location.service';
import { coerceAttributes } from './open311-form';
import { internalStatuses, Locale, toOpen311Status, w3cDatetime } from './open311-mapping';
import { Open311Repository, PublicRequestRow, ServiceRow } from './open311.repository';
import { Clock, CLOCK } from '../../engine/clock/clock';

export const OPEN311_BASE_PATH = '/open311/v2';
// Bumped when what this endpoint offers changes shape (Service Discovery "changeset").
const CHANGESET = '2026-11-21T00:00:00+07:00';
// GeoReport v2, GET Service Requests: "a span of 90 days or first 1000 requests".
export const MAX_SPAN_DAYS = 90;
export const MAX_REQUESTS = 1000;
const DAY_MS = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DATATYPE_HELP: Partial<Record<CategoryAttribute['datatype'], Record<Locale, string>>> = {
  number: { vi: 'Số, ví dụ 12.5', en: 'A number, e.g. 12.5' },
  datetime: { vi: 'Ngày giờ W3C, ví dụ 2026-11-21T08:30:00+07:00', en: 'A W3C datetime, e.g. 2026-11-21T08:30:00+07:00' },
  singlevaluelist: { vi: 'Một khóa trong values: attribute[mã]=khóa', en: 'One key from values: attribute[code]=key' },
  multivaluelist: {
    vi: 'Một hoặc nhiều khóa: attribute[mã][]=khóa1&attribute[mã][]=khóa2',
    en: 'One or more keys: attribute[code][]=key1&attribute[code][]=key2',
  },
};

@Injectable()
export class Open311Service {
  constructor(
    private readonly repo: Open311Repository,
    private readonly intake: IntakeService,
    private readonly location: Open311LocationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Links are absolute (other systems read them) and come from PUBLIC_BASE_URL, never from the request's Host. */
  private get origin(): string {
    return this.config.surface.publicBaseUrl;
  }

  discovery({ locale }: Open311RequestContext): DiscoveryJson {
    const origin = this.origin;
    const vi = locale === 'vi';
    return {
      changeset: CHANGESET,
      contact: vi
        ? `Tổng đài 1022 – Thành phố Hồ Chí Minh: gọi 1022 hoặc phản ánh tại ${origin}/`
        : `Ho Chi Minh City's 1022 hotline: call 1022 or report at ${origin}/`,
      key_service: vi
        ? 'Đọc dữ liệu không cần khóa. Gửi phản ánh (POST requests) cần api_key do quản trị hệ thống 1022 cấp. Tên và mô tả mặc định bằng tiếng Việt; thêm ?locale=en hoặc gửi Accept-Language: en để nhận tiếng Anh.'
        : 'Reading needs no key. Posting requests needs an api_key issued by the 1022 system administrators. Names and descriptions are in Vietnamese by default; add ?locale=en or send Accept-Language: en for English.',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${origin}${OPEN311_BASE_PATH}`,
          changeset: CHANGESET,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    };
  }

  async services(locale: Locale): Promise<ServiceJson[]> {
    const rows = await this.repo.publicServices();
    return rows.map((s) => {
      const [name, hint, group] = locale === 'en' ? [s.nameEn, s.hintEn, s.groupEn] : [s.nameVi, s.hintVi, s.groupVi];
      return {
        service_code: s.code,
        service_name: name,
        description: hint || name,
        metadata: s.attributes.length > 0,
        type: 'realtime',
        keywords: s.keywords.join(', '),
        group,
      };
    });
  }

  async serviceDefinition(code: string, locale: Locale): Promise<ServiceDefinitionJson> {
    const service = await this.publicService(code);
    return {
      service_code: service.code,
      attributes: [...service.attributes]
        .sort((a, b) => a.order - b.order)
        .map((a) => ({
          variable: true,
          code: a.code,
          datatype: a.datatype,
          required: a.required,
          datatype_description: DATATYPE_HELP[a.datatype]?.[locale] ?? null,
          order: a.order,
          description: locale === 'en' ? a.descriptionEn : a.description,
          values: (a.values ?? []).map((v) => ({ key: v.key, name: locale === 'en' ? v.nameEn : v.name })),
        })),
    };
  }

  /** POST Service Request: parse what GeoReport sends into one intake submission. */
  async create(
    form: PostRequestForm,
    ctx: Open311RequestContext & { idempotencyKey?: string },
  ): Promise<{ created: CreatedRequestJson; replayed: boolean }> {
    const service = await this.publicService(form.service_code);
    const { values, issues } = coerceAttributes(service.attributes, form.attribute);
    if (issues.length > 0) throw Open311Exception.invalidAttributes(issues);

    const point = await this.point(form);
    // Vietnamese names are written family name first (Nguyễn Văn An): last_name, then first_name.
    const name = [form.last_name, form.first_name].filter(Boolean).join(' ');
    const reporter =
      name || form.phone || form.email ? { name: name || undefined, phone: form.phone, email: form.email, hideIdentity: false } : undefined;

    const { result, replayed } = await this.intake.submit(
      {
        categoryCode: service.code,
        lat: point.lat,
        lng: point.lng,
        description: form.description ?? '',
        address: form.address_string,
        channel: 'open311',
        reporter,
        attributes: values,
        // Kept as the client's link, never fetched: a server-side fetch of any URL a client names
        // would let it probe the city's network.
        mediaUrl: form.media_url,
      },
      { actor: null, idempotencyKey: ctx.idempotencyKey },
    );
    const trackingUrl = new URL(result.trackingUrl, `${this.origin}/`).toString();
    return {
      created: {
        service_request_id: result.code,
        token: result.id,
        service_notice:
          ctx.locale === 'en'
            ? `Received in ${result.ward.name}. Tracking code ${result.code}; follow it at ${trackingUrl}`
            : `Đã tiếp nhận phản ánh tại ${result.ward.name}. Mã tra cứu ${result.code}; theo dõi tại ${trackingUrl}`,
        account_id: form.account_id ?? null,
        reporter_secret: result.reporterSecret,
        reporter_url: new URL(result.reporterUrl, `${this.origin}/`).toString(),
      },
      replayed,
    };
  }

  async requests(q: ListRequestsQuery, ctx: Open311RequestContext, now = this.clock.now()): Promise<ServiceRequestJson[]> {
    if (q.service_request_id?.length) {
      const rows = await this.repo.publicRequests({ codes: q.service_request_id.map((c) => c.toUpperCase()), limit: MAX_REQUESTS });
      return rows.map((r) => this.toRequest(r, ctx));
    }
    const { start, end } = dateRange(q.start_date, q.end_date, now);
    const rows = await this.repo.publicRequests({
      serviceCodes: q.service_code,
      statuses: q.status ? internalStatuses(q.status) : undefined,
      start,
      end,
      limit: MAX_REQUESTS,
    });
    return rows.map((r) => this.toRequest(r, ctx));
  }

  async request(code: string, ctx: Open311RequestContext): Promise<ServiceRequestJson[]> {
    const rows = await this.repo.publicRequests({ codes: [code.toUpperCase()], limit: 1 });
    if (rows.length === 0) throw Open311Exception.unknownRequest(code);
    return rows.map((r) => this.toRequest(r, ctx));
  }

  async token(token: string): Promise<TokenJson[]> {
    const code = UUID.test(token) ? await this.repo.codeForToken(token.toLowerCase()) : null;
    if (!code) throw Open311Exception.unknownToken(token);
    return [{ service_request_id: code, token: token.toLowerCase() }];
  }

  private async publicService(code: string): Promise<ServiceRow> {
    const service = await this.repo.publicService(code);
    if (!service) throw Open311Exception.unknownService(code);
    return service;
  }

  private async point(form: PostRequestForm): Promise<{ lat: number; lng: number }> {
    const hasLat = form.lat !== undefined;
    const hasLong = form.long !== undefined;
    if (hasLat && hasLong) return { lat: form.lat!, lng: form.long! };
    if (hasLat !== hasLong) throw Open311Exception.missingLocation(hasLat ? 'long' : 'lat');
    if (!form.address_string) throw Open311Exception.missingLocation('location');
    return this.location.pointOfAddress(form.address_string);
  }

  private toRequest(r: PublicRequestRow, { locale }: Open311RequestContext): ServiceRequestJson {
    const en = locale === 'en';
    // Snapped as the transparency map snaps, unless the category is a public-place problem
    // (never for a reporter who hid their identity: the repository decides exactPoint).
    const point = r.exactPoint ? { lat: r.lat, lng: r.lng } : snapToPublicCell(r.lat, r.lng);
    const redact = (text: string) => redactPersonalText(redactOwnValues(text, r.ownValues));
    return {
      service_request_id: r.code,
      status: toOpen311Status(r.status),
      status_notes: r.statusNotes ? redact(r.statusNotes) : null,
      service_name: en ? r.serviceNameEn : r.serviceNameVi,
      service_code: r.serviceCode,
      description: r.description ? redact(r.description) : null,
      agency_responsible: (en ? r.unitNameEn : r.unitNameVi) ?? null,
      service_notice: null,
      requested_datetime: w3cDatetime(r.createdAt),
      updated_datetime: w3cDatetime(r.updatedAt),
      // The SLA deadline is not public yet; the spec lets it be left out.
      expected_datetime: null,
      // A house number would give away the point that was just snapped.
      address: r.exactPoint && r.address ? redact(r.address) : null,
      address_id: null,
      zipcode: null,
      lat: point.lat,
      long: point.lng,
      media_url: r.attachmentId ? `${this.origin}/api/v1/attachments/${r.attachmentId}` : null,
    };
  }
}

/**
 * The window of GET Service Requests: the last 90 days by default; one bound given, the other
 * 90 days from it; never more than 90 days, as the spec caps the span.
 */
export function dateRange(start: Date | undefined, end: Date | undefined, now: Date): { start: Date; end: Date } {
  const span = MAX_SPAN_DAYS * DAY_MS;
  const to = end ?? (start ? new Date(start.getTime() + span) : now);
  const from = start ?? new Date(to.getTime() - span);
  if (from > to) throw Open311Exception.invalidDateRange('start_date must not be after end_date', 'start_date không được sau end_date');
  if (to.getTime() - from.getTime() > span) {
    throw Open311Exception.invalidDateRange(
      `start_date and end_date may not span more than ${MAX_SPAN_DAYS} days`,
      `Khoảng start_date – end_date không được quá ${MAX_SPAN_DAYS} ngày`,
    );
  }
  return { start: from, end: to };
}

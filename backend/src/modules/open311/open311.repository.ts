import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EVENT_PERSONAL_JOIN } from '../report-record/report-record.sql';
import { DataSource } from 'typeorm';
import type { CategoryAttribute } from '../categories/category.entity';
import type { ReportStatus } from '../report-record/report-status';

export interface ServiceRow {
  code: string;
  nameVi: string;
  nameEn: string;
  groupVi: string;
  groupEn: string;
  hintVi: string;
  hintEn: string;
  keywords: string[];
  attributes: CategoryAttribute[];
}

/** A report as the public may see it: no reporter columns are ever selected here (invariant 4). */
export interface PublicRequestRow {
  id: string;
  code: string;
  status: ReportStatus;
  description: string;
  address: string | null;
  createdAt: Date;
  updatedAt: Date;
  lat: number;
  lng: number;
  /** The point may be shown as filed: a public-place category, and a reporter who did not hide their identity. */
  exactPoint: boolean;
  serviceCode: string;
  serviceNameVi: string;
  serviceNameEn: string;
  unitNameVi: string | null;
  unitNameEn: string | null;
  statusNotes: string | null;
  attachmentId: string | null;
}

export interface RequestQuery {
  codes?: string[];
  serviceCodes?: string[];
  statuses?: ReportStatus[];
  start?: Date;
  end?: Date;
  limit: number;
}

const SERVICE_COLUMNS = `code, name_vi AS "nameVi", name_en AS "nameEn", group_vi AS "groupVi", group_en AS "groupEn",
  hint_vi AS "hintVi", hint_en AS "hintEn", keywords, attributes`;

// status_notes: the city's latest public word on the ticket. A citizen's own text (a reopening
// reason) is not an answer and may hold personal details, so it is left out.
const PUBLIC_REQUEST_SELECT = `
  SELECT r.id, r.code, r.status::text AS status, r.description, r.address,
         r.created_at AS "createdAt", r.updated_at AS "updatedAt",
         round(ST_Y(r.point)::numeric, 6)::float8 AS lat, round(ST_X(r.point)::numeric, 6)::float8 AS lng,
         (c.exact_public_point AND NOT r.hide_identity) AS "exactPoint",
         c.code AS "serviceCode", c.name_vi AS "serviceNameVi", c.name_en AS "serviceNameEn",
         u.name AS "unitNameVi", u.name_en AS "unitNameEn",
         n.message AS "statusNotes", a.id AS "attachmentId"
    FROM report r
    JOIN category c ON c.id = r.category_id AND c.is_public
    LEFT JOIN handling_unit u ON u.id = r.assigned_unit_id
    LEFT JOIN LATERAL (
      SELECT ep.message FROM report_event e ${EVENT_PERSONAL_JOIN}
       WHERE e.report_id = r.id AND e.is_public AND e.actor_role IS DISTINCT FROM 'citizen'
         AND btrim(coalesce(ep.message, '')) <> ''
       ORDER BY e.id DESC LIMIT 1) n ON true
    LEFT JOIN LATERAL (
      SELECT t.id FROM attachment t
       WHERE t.report_id = r.id AND t.kind = 'citizen'
       ORDER BY t.created_at, t.id LIMIT 1) a ON true`;

@Injectable()
export class Open311Repository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The categories offered to Open311 clients: public and in use. */
  publicServices(): Promise<ServiceRow[]> {
    return this.db.query(`SELECT ${SERVICE_COLUMNS} FROM category WHERE is_public AND active ORDER BY sort_order, code`);
  }

  async publicService(code: string): Promise<ServiceRow | null> {
    const rows: ServiceRow[] = await this.db.query(`SELECT ${SERVICE_COLUMNS} FROM category WHERE code = $1 AND is_public AND active`, [
      code,
    ]);
    return rows[0] ?? null;
  }

  /** Newest first. Tracking codes, when given, select on their own (the spec: they override every other filter). */
  async publicRequests(q: RequestQuery): Promise<PublicRequestRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (q.codes) {
      add((p) => `r.code = ANY(${p}::text[])`, q.codes);
    } else {
      if (q.start) add((p) => `r.created_at >= ${p}`, q.start);
      if (q.end) add((p) => `r.created_at <= ${p}`, q.end);
      if (q.serviceCodes) add((p) => `c.code = ANY(${p}::text[])`, q.serviceCodes);
      if (q.statuses) add((p) => `r.status = ANY(${p}::report_status[])`, q.statuses);
    }
    params.push(q.limit);
    const rows: PublicRequestRow[] = await this.db.query(
      `${PUBLIC_REQUEST_SELECT}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY r.created_at DESC, r.id DESC
       LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt) }));
  }

  /** The tracking code behind a token (the report id), for reports in public categories only. */
  async codeForToken(reportId: string): Promise<string | null> {
    const rows: { code: string }[] = await this.db.query(
      `SELECT r.code FROM report r JOIN category c ON c.id = r.category_id AND c.is_public WHERE r.id = $1`,
      [reportId],
    );
    return rows[0]?.code ?? null;
  }
}

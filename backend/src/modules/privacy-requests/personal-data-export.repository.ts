import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PERSONAL_DATA } from '../../engine/privacy/personal-data-registry';
import { EVENT_PERSONAL_JOIN } from '../report-record/report-record.sql';

/** The subject as the stores hold it: normalised phones, lower-case addresses, digests of both. */
export interface SubjectKeys {
  phones: string[];
  emails: string[];
  digests: string[];
}

/** The registered personal columns of a table (engine/privacy/personal-data-registry.ts). */
export function registeredColumnsOf(table: string): string[] {
  return PERSONAL_DATA.flatMap((e) => (e.store === 'column' && e.table === table ? [e.column] : []));
}

/** Only the registered columns of a row (as `to_jsonb` gave it): a column added to the registry appears in the answer. */
function pick(row: Record<string, unknown>, columns: string[]): Record<string, unknown> {
  return Object.fromEntries(columns.filter((c) => c in row).map((c) => [c, row[c]]));
}

export interface ExportedReport {
  id: string;
  code: string;
  channel: string;
  status: string;
  category: { code: string; nameVi: string; nameEn: string };
  createdAt: Date;
  updatedAt: Date;
  personal: Record<string, unknown>;
}

/**
 * What the system holds about one data subject, read where the registry says personal data sits
 * (reports, callers, messages, photos, the subject's own timeline entries, earlier requests).
 * It reads other modules' tables on purpose, read-only: the answer to "what do you hold about
 * me" must come from the stores themselves, not from each module's idea of its public shape.
 */
@Injectable()
export class PersonalDataExportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Reports filed with one of the subject's phones or addresses; `to_jsonb` gives geometry as GeoJSON. */
  async reports(s: SubjectKeys): Promise<ExportedReport[]> {
    const rows: {
      id: string;
      code: string;
      channel: string;
      status: string;
      category_code: string;
      name_vi: string;
      name_en: string;
      created_at: Date;
      updated_at: Date;
      row: Record<string, unknown>;
    }[] = await this.db.query(
      `SELECT r.id, r.code, r.channel, r.status, c.code AS category_code, c.name_vi, c.name_en, r.created_at, r.updated_at,
              to_jsonb(r) AS row
         FROM report r JOIN category c ON c.id = r.category_id
        WHERE r.reporter_phone = ANY($1::text[]) OR lower(r.reporter_email) = ANY($2::text[])
        ORDER BY r.created_at, r.id`,
      [s.phones, s.emails],
    );
    const columns = registeredColumnsOf('report');
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      channel: r.channel,
      status: r.status,
      category: { code: r.category_code, nameVi: r.name_vi, nameEn: r.name_en },
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      personal: pick(r.row, columns),
    }));
  }

  /**
   * The subject's own entries of those reports' timelines: what they wrote (or an operator wrote
   * for them), with the registered free text of each (report_event_personal).
   */
  async ownTimeline(
    reportIds: string[],
  ): Promise<
    { reportId: string; type: string; createdAt: Date; message: string | null; isPublic: boolean; personal: Record<string, unknown> }[]
  > {
    if (reportIds.length === 0) return [];
    const rows: { report_id: string; type: string; created_at: Date; is_public: boolean; row: Record<string, unknown> | null }[] =
      await this.db.query(
        `SELECT e.report_id, e.type, e.created_at, e.is_public, to_jsonb(ep) AS row
           FROM report_event e ${EVENT_PERSONAL_JOIN}
          WHERE e.report_id = ANY($1::uuid[]) AND (e.actor_role = 'citizen' OR (e.data || coalesce(ep.data, '{}')) ? 'onBehalfOf')
          ORDER BY e.report_id, e.id`,
        [reportIds],
      );
    const columns = registeredColumnsOf('report_event_personal');
    return rows.map((r) => ({
      reportId: r.report_id,
      type: r.type,
      createdAt: r.created_at,
      message: typeof r.row?.message === 'string' ? r.row.message : null,
      isPublic: r.is_public,
      personal: r.row ? pick(r.row, columns) : {},
    }));
  }

  async photos(reportIds: string[]): Promise<{ id: string; reportId: string; contentType: string; sizeBytes: number; createdAt: Date }[]> {
    if (reportIds.length === 0) return [];
    const rows: { id: string; report_id: string; content_type: string; size_bytes: number; created_at: Date }[] = await this.db.query(
      `SELECT id, report_id, content_type, size_bytes, created_at FROM attachment
        WHERE report_id = ANY($1::uuid[]) AND kind = 'citizen' ORDER BY report_id, created_at, id`,
      [reportIds],
    );
    return rows.map((r) => ({
      id: r.id,
      reportId: r.report_id,
      contentType: r.content_type,
      sizeBytes: Number(r.size_bytes),
      createdAt: r.created_at,
    }));
  }

  async callerRecords(s: SubjectKeys): Promise<{ reportCode: string; createdAt: Date; personal: Record<string, unknown> }[]> {
    if (s.phones.length === 0) return [];
    const rows: { code: string; created_at: Date; row: Record<string, unknown> }[] = await this.db.query(
      `SELECT r.code, c.created_at, to_jsonb(c) AS row FROM report_caller c JOIN report r ON r.id = c.report_id
        WHERE c.phone = ANY($1::text[]) ORDER BY c.created_at, c.id`,
      [s.phones],
    );
    const columns = registeredColumnsOf('report_caller');
    return rows.map((r) => ({ reportCode: r.code, createdAt: r.created_at, personal: pick(r.row, columns) }));
  }

  async notifications(s: SubjectKeys): Promise<
    {
      reportCode: string | null;
      channel: string;
      template: string;
      status: string;
      createdAt: Date;
      sentAt: Date | null;
      personal: Record<string, unknown>;
    }[]
  > {
    const rows: {
      code: string | null;
      channel: string;
      template: string;
      status: string;
      created_at: Date;
      sent_at: Date | null;
      row: Record<string, unknown>;
    }[] = await this.db.query(
      `SELECT r.code, n.channel, n.template, n.status, n.created_at, n.sent_at, to_jsonb(n) AS row
         FROM notification n LEFT JOIN report r ON r.id = n.report_id
        WHERE n.channel IN ('email', 'sms') AND n.recipient <> '' AND lower(n.recipient) = ANY($1::text[])
        ORDER BY n.created_at, n.id`,
      [[...s.phones, ...s.emails]],
    );
    const columns = registeredColumnsOf('notification');
    return rows.map((r) => ({
      reportCode: r.code,
      channel: r.channel,
      template: r.template,
      status: r.status,
      createdAt: r.created_at,
      sentAt: r.sent_at,
      personal: pick(r.row, columns),
    }));
  }
}

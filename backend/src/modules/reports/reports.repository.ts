import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EVENT_PERSONAL_JOIN } from '../report-record/report-record.sql';
import { DataSource, EntityManager } from 'typeorm';
import { scopeCondition, TicketScope } from '../auth/access-scope';
import type { PublicReportView, StaffReportRecord as StaffReportView, TimelineEntry } from './reports.dto';

const BASE = `
  SELECT r.id, r.code, r.status, r.priority, r.version, r.channel, r.address, r.description, r.created_at, r.updated_at,
         r.follower_count, r.attributes, r.assigned_unit_id, r.reporter_name, r.reporter_phone, r.reporter_email, r.hide_identity,
         ST_Y(r.point) AS lat, ST_X(r.point) AS lng, (c.exact_public_point AND NOT r.hide_identity) AS exact_point,
         c.code AS category_code, c.name_vi AS category_vi, c.name_en AS category_en,
         a.code AS ward_code, a.name AS ward_name,
         h.name AS unit_name, h.name_en AS unit_name_en, h.kind AS unit_kind,
         (SELECT json_build_object('code', m.code, 'status', m.status) FROM report m WHERE m.id = r.master_report_id) AS merged_into,
         (SELECT coalesce(json_agg(json_build_object('id', t.id, 'width', t.width, 'height', t.height) ORDER BY t.created_at), '[]')
            FROM attachment t WHERE t.report_id = r.id) AS photos
    FROM report r
    JOIN category c ON c.id = r.category_id
    JOIN admin_unit a ON a.id = r.admin_unit_id
    LEFT JOIN handling_unit h ON h.id = r.assigned_unit_id`;

@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * A view's reads in one snapshot: the report and its timeline as of one instant, never a status
   * from before a change next to the event of that change (the router assigns within milliseconds).
   */
  private snapshot<T>(read: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction('REPEATABLE READ', read);
  }

  /**
   * The citizen's view by tracking code: public events only, nothing about the reporter.
   * `exactPoint`: whether the report's place may be shown as filed (a public-place category, a
   * reporter who did not hide), the rule Open311 follows for its points and addresses.
   */
  async publicByCode(code: string): Promise<(PublicReportView & { exactPoint: boolean }) | null> {
    return this.snapshot(async (m) => {
      const rows = await m.query(`${BASE} WHERE r.code = $1`, [code]);
      if (!rows[0]) return null;
      const events = await m.query(
        `SELECT e.type, e.created_at AS at, e.to_status AS status, ep.message FROM report_event e ${EVENT_PERSONAL_JOIN}
          WHERE e.report_id = $1 AND e.is_public ORDER BY e.id`,
        [rows[0].id],
      );
      return { ...publicView(rows[0]), timeline: events.map(timelineEntry), exactPoint: rows[0].exact_point === true };
    });
  }

  /** A staff member's view, within the caller's ticket scope (invariant 4). */
  async staffById(id: string, scope: TicketScope): Promise<StaffReportView | null> {
    return this.snapshot((m) => this.staffView(m, id, scope));
  }

  private async staffView(m: EntityManager, id: string, scope: TicketScope): Promise<StaffReportView | null> {
    const params: unknown[] = [id];
    const rows = await m.query(`${BASE} WHERE r.id = $1 AND ${scopeCondition(scope, 'r', params)}`, params);
    const r = rows[0];
    if (!r) return null;
    const events = await m.query(
      `SELECT e.id, e.type, e.created_at AS at, e.to_status AS status, ep.message, e.is_public, e.data || coalesce(ep.data, '{}') AS data,
              u.username, u.full_name
         FROM report_event e ${EVENT_PERSONAL_JOIN} LEFT JOIN app_user u ON u.id = e.actor_user_id
        WHERE e.report_id = $1 ORDER BY e.id`,
      [id],
    );
    const clocks = await m.query(
      `SELECT DISTINCT ON (kind) kind::text AS kind, cycle, state, due_at AS "dueAt", next_stage AS "nextStage"
         FROM sla_clock WHERE report_id = $1 ORDER BY kind, cycle DESC`,
      [id],
    );
    const base = publicView(r);
    return {
      ...base,
      id: r.id,
      priority: r.priority,
      channel: r.channel,
      location: { lat: Number(r.lat), lng: Number(r.lng) },
      attributes: r.attributes,
      assignedUnitId: r.assigned_unit_id,
      assignedUnit: r.assigned_unit_id ? { id: r.assigned_unit_id, name: r.unit_name, nameEn: r.unit_name_en, kind: r.unit_kind } : null,
      reporter:
        r.reporter_name || r.reporter_phone || r.reporter_email
          ? { name: r.reporter_name, phone: r.reporter_phone, email: r.reporter_email, hideIdentity: r.hide_identity }
          : null,
      version: r.version,
      sla: clocks.map((c: { kind: string; cycle: number; state: string; dueAt: Date | null; nextStage: string | null }) => ({
        ...c,
        dueAt: c.dueAt ? new Date(c.dueAt).toISOString() : null,
      })),
      timeline: events.map((e: Row) => ({
        ...timelineEntry(e),
        id: e.id,
        isPublic: e.is_public,
        actor: e.username ? { username: e.username, fullName: e.full_name } : null,
        data: e.data,
      })),
    };
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row of the SELECTs above: the SQL names its columns
type Row = Record<string, any>;

function publicView(r: Row): Omit<PublicReportView, 'timeline'> {
  return {
    code: r.code,
    status: r.status,
    mergedInto: r.merged_into ?? null,
    category: { code: r.category_code, nameVi: r.category_vi, nameEn: r.category_en },
    ward: { code: r.ward_code, name: r.ward_name },
    assignedUnit: r.unit_name ? { name: r.unit_name, nameEn: r.unit_name_en, kind: r.unit_kind } : null,
    address: r.address,
    description: r.description,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    followerCount: r.follower_count,
    photos: r.photos.map((p: { id: string; width: number; height: number }) => ({ ...p, url: `/api/v1/attachments/${p.id}` })),
  };
}

function timelineEntry(e: Row): TimelineEntry {
  return { type: e.type, at: new Date(e.at).toISOString(), status: e.status ?? null, message: e.message ?? null };
}

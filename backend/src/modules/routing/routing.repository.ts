import { Injectable } from '@nestjs/common';
import { preparedQuery } from '../../engine/database/prepared-query';
import { TransactionalRepository } from '../../engine/database/transactional.repository';
import { EntityManager } from 'typeorm';
import { unitNotificationsSql } from '../notifications/notification.sql';
import { assignNewCtes } from '../report-record/report-record.sql';
import { clockArrays, insertClocksSql, NewClock } from '../sla/sla-clock.sql';
import type { RoutingFacts } from './route-resolution';
import { unnestParams } from '../../engine/database/unnest-params';
import type { RoutingRuleView } from './routing.dto';

export interface LockedTicket {
  id: string;
  status: string;
  assignedUnitId: string | null;
  wardCode: string;
  categoryId: number;
  priority: string;
}

export interface NewAssignment {
  id: string;
  /** The version the routing facts were read at. */
  version: number;
  unitId: string;
  responseDueAt: Date | null;
  resolutionDueAt: Date | null;
  reason: string;
  ruleId: number | null;
  notice: { template: string; dedupeKey: string };
}

@Injectable()
export class RoutingRepository extends TransactionalRepository {
  /** The ticket, locked for the rest of the transaction so two routers cannot both assign it. */
  async lockTicket(tx: EntityManager, id: string): Promise<LockedTicket | null> {
    const rows = await tx.query(
      `SELECT id, status::text AS status, assigned_unit_id AS "assignedUnitId", ward_code AS "wardCode",
              category_id AS "categoryId", priority::text AS priority
         FROM report WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * New reports' routing facts in one round trip, with each report's version: what the routing
   * rule needs as of `at`. Nothing is locked: assignNew writes only where the version is unchanged.
   */
  async factsMany(ids: string[], at: Date): Promise<{ ticket: LockedTicket & { version: number }; facts: RoutingFacts }[]> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SELECT below names the row's columns
    const rows = await preparedQuery<Record<string, any>>(
      this.db.manager,
      'routing-facts',
      `SELECT r.id, r.version, r.status::text AS status, r.assigned_unit_id AS "assignedUnitId", r.ward_code AS "wardCode",
              r.category_id AS "categoryId", r.priority::text AS priority,
              c.handling_level::text AS "handlingLevel", c.default_unit_id AS "categoryDefaultUnitId",
              (SELECT h.id FROM handling_unit h WHERE h.kind = 'ward_committee' AND h.admin_unit_code = r.ward_code AND h.active) AS "wardCommitteeId",
              coalesce((SELECT json_agg(json_build_object('id', x.id, 'adminUnitCode', x.admin_unit_code, 'handlingUnitId', x.handling_unit_id, 'validFrom', x.valid_from))
                          FROM routing_rule x JOIN handling_unit u ON u.id = x.handling_unit_id AND u.active
                         WHERE x.category_id = r.category_id AND (x.admin_unit_code = r.ward_code OR x.admin_unit_code IS NULL)
                           AND x.valid_from <= $2 AND (x.valid_to IS NULL OR x.valid_to > $2)), '[]') AS rules
         FROM report r JOIN category c ON c.id = r.category_id
        WHERE r.id = ANY($1::uuid[])`,
      [[...new Set(ids)], at],
    );
    return rows.map((r) => ({
      ticket: {
        id: r.id,
        version: r.version,
        status: r.status,
        assignedUnitId: r.assignedUnitId,
        wardCode: r.wardCode,
        categoryId: r.categoryId,
        priority: r.priority,
      },
      facts: {
        wardCode: r.wardCode,
        handlingLevel: r.handlingLevel,
        categoryDefaultUnitId: r.categoryDefaultUnitId,
        wardCommitteeId: r.wardCommitteeId,
        rules: r.rules.map((x: { id: number; adminUnitCode: string | null; handlingUnitId: string; validFrom: string }) => ({
          ...x,
          validFrom: new Date(x.validFrom),
        })),
      },
    }));
  }

  /**
   * First assignments in one statement (its own transaction): each report still new, unassigned
   * and at the version its facts were read at gets its unit and deadlines, its `assigned` event,
   * its SLA clocks and the unit's notice. A report changed meanwhile is left alone; a second run
   * for the same report finds it assigned. Returns the reports assigned and the clocks inserted.
   * The state check is one row comparison on purpose: as `status = 'new' AND assigned_unit_id IS
   * NULL` the planner reads it through the unit/status index (it expects one new report), which
   * under load holds an entry, mostly dead, for every report routed since the last vacuum.
   * Rows are locked in id order first: two batches sharing reports (a replayed job, a re-route)
   * would otherwise lock them in whatever order each join reads them, and deadlock.
   */
  async assignNew(
    rows: NewAssignment[],
    clocks: NewClock[],
  ): Promise<{ assigned: string[]; clocks: { id: string; reportId: string; kind: string }[] }> {
    const out = await preparedQuery<{ reportId: string; clockId: string | null; kind: string | null }>(
      this.db.manager,
      'routing-assign-new',
      `WITH a AS (
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::int[], $8::text[], $9::text[])
           AS a(id, version, unit_id, response_due, resolution_due, reason, rule_id, template, dedupe_key)),
       ${assignNewCtes('a')},
       nt AS (${unitNotificationsSql('(SELECT id AS report_id, unit_id, template, dedupe_key FROM upd) u')}),
       cl AS (${insertClocksSql(10, 'upd')})
       SELECT id AS "reportId", NULL::bigint AS "clockId", NULL::text AS kind FROM upd
       UNION ALL
       SELECT "reportId", id, kind FROM cl`,
      [
        ...unnestParams(
          rows,
          'id',
          'version',
          'unitId',
          'responseDueAt',
          'resolutionDueAt',
          'reason',
          'ruleId',
          (r) => r.notice.template,
          (r) => r.notice.dedupeKey,
        ),
        ...clockArrays(clocks),
      ],
    );
    return {
      assigned: out.filter((r) => r.clockId === null).map((r) => r.reportId),
      clocks: out.filter((r) => r.clockId !== null).map((r) => ({ id: String(r.clockId), reportId: r.reportId, kind: r.kind! })),
    };
  }

  /** Everything the routing rule needs, as of the instant `at` (rules are effective-dated). */
  async facts(tx: EntityManager, categoryId: number, wardCode: string, at: Date): Promise<RoutingFacts> {
    const [c] = await tx.query(
      `SELECT c.handling_level::text AS "handlingLevel", c.default_unit_id AS "categoryDefaultUnitId",
              (SELECT h.id FROM handling_unit h WHERE h.kind = 'ward_committee' AND h.admin_unit_code = $2 AND h.active) AS "wardCommitteeId",
              coalesce((SELECT json_agg(json_build_object('id', r.id, 'adminUnitCode', r.admin_unit_code, 'handlingUnitId', r.handling_unit_id, 'validFrom', r.valid_from))
                          FROM routing_rule r JOIN handling_unit u ON u.id = r.handling_unit_id AND u.active
                         WHERE r.category_id = c.id AND (r.admin_unit_code = $2 OR r.admin_unit_code IS NULL)
                           AND r.valid_from <= $3 AND (r.valid_to IS NULL OR r.valid_to > $3)), '[]') AS rules
         FROM category c WHERE c.id = $1`,
      [categoryId, wardCode, at],
    );
    return {
      wardCode,
      handlingLevel: c.handlingLevel,
      categoryDefaultUnitId: c.categoryDefaultUnitId,
      wardCommitteeId: c.wardCommitteeId,
      rules: c.rules.map((r: { id: number; adminUnitCode: string | null; handlingUnitId: string; validFrom: string }) => ({
        ...r,
        validFrom: new Date(r.validFrom),
      })),
    };
  }

  async activeUnit(id: string): Promise<{ id: string; name: string } | null> {
    const rows = await this.db.query(`SELECT id, name FROM handling_unit WHERE id = $1 AND active`, [id]);
    return rows[0] ?? null;
  }

  async category(code: string): Promise<{ id: number; defaultPriority: string } | null> {
    const rows = await this.db.query(`SELECT id, default_priority::text AS "defaultPriority" FROM category WHERE code = $1 AND active`, [
      code,
    ]);
    return rows[0] ?? null;
  }

  rules(filter: { category?: string; wardCode?: string; activeAt?: Date }): Promise<RoutingRuleView[]> {
    return this.db.query(
      `SELECT r.id, c.code AS category, r.admin_unit_code AS "wardCode",
              json_build_object('id', u.id, 'code', u.code, 'name', u.name) AS unit,
              r.valid_from AS "validFrom", r.valid_to AS "validTo", r.note
         FROM routing_rule r JOIN category c ON c.id = r.category_id JOIN handling_unit u ON u.id = r.handling_unit_id
        WHERE ($1::text IS NULL OR c.code = $1) AND ($2::text IS NULL OR r.admin_unit_code = $2)
          AND ($3::timestamptz IS NULL OR (r.valid_from <= $3 AND (r.valid_to IS NULL OR r.valid_to > $3)))
        ORDER BY c.code, r.admin_unit_code NULLS FIRST, r.valid_from DESC
        LIMIT 2000`,
      [filter.category ?? null, filter.wardCode ?? null, filter.activeAt ?? null],
    );
  }

  async createRule(r: {
    categoryId: number;
    wardCode: string | null;
    unitId: string;
    validFrom: Date;
    note: string;
    createdBy: string;
  }): Promise<number> {
    const rows = await this.db.query(
      `INSERT INTO routing_rule (category_id, admin_unit_code, handling_unit_id, valid_from, note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [r.categoryId, r.wardCode, r.unitId, r.validFrom, r.note, r.createdBy],
    );
    return rows[0].id;
  }

  /** Ends a rule's validity; the row itself stays as the record of what applied when. */
  async closeRule(id: number, at: Date): Promise<boolean> {
    const rows = await this.db.query(
      `WITH u AS (UPDATE routing_rule SET valid_to = greatest($2, valid_from + interval '1 second') WHERE id = $1 AND valid_to IS NULL RETURNING id) SELECT id FROM u`,
      [id, at],
    );
    return rows.length === 1;
  }

  async wardExists(code: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM admin_unit WHERE code = $1 AND valid_to IS NULL`, [code]);
    return rows.length === 1;
  }
}

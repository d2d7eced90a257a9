import { Injectable } from '@nestjs/common';
import { preparedQuery } from '../../engine/database/prepared-query';
import { TransactionalRepository } from '../../engine/database/transactional.repository';
import { EntityManager } from 'typeorm';
import type { SlaKind, StoredTransition } from './sla-clock.entity';
import type { SlaMode } from './sla-policy.entity';
import { DEADLINES_FROM_CLOCKS_SQL, SET_DEADLINES_SQL, SYSTEM_EVENT_SQL, SYSTEM_EVENTS_SQL } from '../report-record/report-record.sql';
import { ClockDerived, clockArrays, insertClocksSql, NewClock } from './sla-clock.sql';
import { unnestParams } from '../../engine/database/unnest-params';

export type { ClockDerived, NewClock } from './sla-clock.sql';

/** The unnest parameters of a clock update: each clock's id, then the derived fields named. */
function derivedParams(rows: { id: string; derived: ClockDerived }[], ...fields: (keyof ClockDerived)[]): unknown[][] {
  return unnestParams(
    rows.map((r) => ({ id: r.id, ...r.derived })),
    'id',
    ...fields,
  );
}

export interface PolicyRow {
  id: number;
  responseMinutes: number;
  resolutionMinutes: number;
  mode: SlaMode;
}

export interface PolicyCandidate extends PolicyRow {
  categoryId: number | null;
  priority: string;
  validFrom: Date;
  validTo: Date | null;
}

export interface ClockRow {
  id: string;
  reportId: string;
  kind: SlaKind;
  cycle: number;
  mode: SlaMode;
  targetMs: number;
  transitions: StoredTransition[];
  state: 'running' | 'paused' | 'stopped';
  assignedUnitId: string | null;
}

const CLOCK = `c.id, c.report_id AS "reportId", c.kind::text AS kind, c.cycle, c.mode::text AS mode, c.target_ms::float8 AS "targetMs",
               c.transitions, c.state, r.assigned_unit_id AS "assignedUnitId"`;

@Injectable()
export class SlaRepository extends TransactionalRepository {
  /** For reads outside a transaction. */
  get manager(): EntityManager {
    return this.db.manager;
  }

  /** Every policy with its validity (a few dozen rows); the service picks and caches. */
  policies(): Promise<PolicyCandidate[]> {
    return this.db.query(
      `SELECT id, category_id AS "categoryId", priority::text AS priority, response_minutes AS "responseMinutes",
              resolution_minutes AS "resolutionMinutes", mode::text AS mode, valid_from AS "validFrom", valid_to AS "validTo"
         FROM sla_policy`,
    );
  }

  /** The latest cycle of each kind of a ticket, locked (with the ticket) for the transaction. */
  async lockCurrentClocks(tx: EntityManager, reportId: string): Promise<ClockRow[]> {
    await tx.query(`SELECT 1 FROM report WHERE id = $1 FOR UPDATE`, [reportId]);
    return tx.query(
      `SELECT DISTINCT ON (c.kind) ${CLOCK}
         FROM sla_clock c JOIN report r ON r.id = c.report_id
        WHERE c.report_id = $1 ORDER BY c.kind, c.cycle DESC`,
      [reportId],
    );
  }

  async reportOfClock(clockId: string): Promise<string | null> {
    const rows = await this.db.query(`SELECT report_id AS id FROM sla_clock WHERE id = $1`, [clockId]);
    return rows[0]?.id ?? null;
  }

  currentClocks(reportId: string): Promise<ClockRow[]> {
    return this.db.query(
      `SELECT DISTINCT ON (c.kind) ${CLOCK}
         FROM sla_clock c JOIN report r ON r.id = c.report_id
        WHERE c.report_id = $1 ORDER BY c.kind, c.cycle DESC`,
      [reportId],
    );
  }

  async insertClock(tx: EntityManager, c: NewClock): Promise<void> {
    await this.insertClocks(tx, [c]);
  }

  /** Several clocks in one statement (a new ticket's two). */
  async insertClocks(tx: EntityManager, clocks: NewClock[]): Promise<{ id: string; reportId: string; kind: SlaKind }[]> {
    return preparedQuery(tx, 'sla-insert-clocks', insertClocksSql(1), clockArrays(clocks));
  }

  async updateClock(
    tx: EntityManager,
    id: string,
    c: { transitions: StoredTransition[]; targetMs?: number; policyId?: number | null; mode?: SlaMode; derived: ClockDerived },
  ): Promise<void> {
    await tx.query(
      `UPDATE sla_clock SET transitions = $2, state = $3, due_at = $4, next_stage = $5, next_stage_at = $6, met = $7,
              target_ms = coalesce($8, target_ms), policy_id = CASE WHEN $9 THEN $10 ELSE policy_id END, mode = coalesce($11::sla_mode, mode),
              updated_at = now()
        WHERE id = $1`,
      [
        id,
        JSON.stringify(c.transitions),
        c.derived.state,
        c.derived.dueAt,
        c.derived.nextStage,
        c.derived.nextStageAt,
        c.derived.met,
        c.targetMs ?? null,
        c.policyId !== undefined,
        c.policyId ?? null,
        c.mode ?? null,
      ],
    );
  }

  async setReportDeadlines(
    tx: EntityManager,
    reportId: string,
    d: { responseDueAt?: Date | null; resolutionDueAt?: Date | null; resolvedOnTime?: boolean | null },
  ): Promise<void> {
    await tx.query(SET_DEADLINES_SQL, [
      reportId,
      d.responseDueAt !== undefined,
      d.responseDueAt ?? null,
      d.resolutionDueAt !== undefined,
      d.resolutionDueAt ?? null,
      d.resolvedOnTime !== undefined,
      d.resolvedOnTime ?? null,
    ]);
  }

  async firedStages(reportId: string, kind: SlaKind, cycle: number, q: EntityManager = this.db.manager): Promise<Set<string>> {
    const rows: { stage: string }[] = await q.query(`SELECT stage FROM sla_stage_event WHERE report_id = $1 AND kind = $2 AND cycle = $3`, [
      reportId,
      kind,
      cycle,
    ]);
    return new Set(rows.map((r) => r.stage));
  }

  /** Clocks by id, locked with their tickets (in ticket order, so batches never deadlock), each saying whether it is its kind's current cycle. */
  async lockClocksById(tx: EntityManager, clockIds: string[]): Promise<(ClockRow & { current: boolean })[]> {
    return tx.query(
      `SELECT ${CLOCK},
              c.cycle = (SELECT max(c2.cycle) FROM sla_clock c2 WHERE c2.report_id = c.report_id AND c2.kind = c.kind) AS current
         FROM sla_clock c JOIN report r ON r.id = c.report_id
        WHERE c.id = ANY($1::bigint[]) ORDER BY r.id FOR UPDATE OF r`,
      [[...new Set(clockIds)]],
    );
  }

  /** Records stages; returns the ones that had not fired before (the unique key decides). */
  async recordStages(
    tx: EntityManager,
    stages: { reportId: string; kind: SlaKind; cycle: number; stage: string; dueAt: Date }[],
    firedBy: string,
  ): Promise<{ reportId: string; kind: SlaKind; cycle: number; stage: string }[]> {
    if (stages.length === 0) return [];
    return tx.query(
      `INSERT INTO sla_stage_event (report_id, kind, cycle, stage, due_at, fired_by)
       SELECT *, $6 FROM unnest($1::uuid[], $2::sla_kind[], $3::int[], $4::text[], $5::timestamptz[])
       ON CONFLICT (report_id, kind, stage, cycle) DO NOTHING
       RETURNING report_id AS "reportId", kind::text AS kind, cycle, stage`,
      [...unnestParams(stages, 'reportId', 'kind', 'cycle', 'stage', 'dueAt'), firedBy],
    );
  }

  /** Every fired stage of the given clocks' current cycles, keyed `report|kind|cycle`. */
  async firedStagesOf(tx: EntityManager, clocks: { reportId: string; kind: SlaKind; cycle: number }[]): Promise<Map<string, Set<string>>> {
    const rows: { key: string; stage: string }[] = await tx.query(
      `SELECT e.report_id || '|' || e.kind || '|' || e.cycle AS key, e.stage
         FROM sla_stage_event e JOIN unnest($1::uuid[], $2::sla_kind[], $3::int[]) AS c(report_id, kind, cycle)
              ON e.report_id = c.report_id AND e.kind = c.kind AND e.cycle = c.cycle`,
      unnestParams(clocks, 'reportId', 'kind', 'cycle'),
    );
    const map = new Map<string, Set<string>>();
    for (const r of rows) map.set(r.key, (map.get(r.key) ?? new Set()).add(r.stage));
    return map;
  }

  async insertTimelineEvents(
    tx: EntityManager,
    events: { reportId: string; type: string; data: Record<string, unknown> }[],
  ): Promise<void> {
    if (events.length === 0) return;
    await tx.query(
      SYSTEM_EVENTS_SQL,
      unnestParams(events, 'reportId', 'type', (e) => JSON.stringify(e.data)),
    );
  }

  async updateDerived(tx: EntityManager, rows: { id: string; derived: ClockDerived }[]): Promise<void> {
    if (rows.length === 0) return;
    await tx.query(
      `UPDATE sla_clock c SET next_stage = u.next_stage, next_stage_at = u.next_stage_at, due_at = u.due_at, updated_at = now()
         FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS u(id, next_stage, next_stage_at, due_at)
        WHERE c.id = u.id`,
      derivedParams(rows, 'nextStage', 'nextStageAt', 'dueAt'),
    );
  }

  /** Supervisors for a set of units: each unit's parent and the city, in one query. */
  async ladders(
    unitIds: string[],
  ): Promise<
    Map<
      string,
      { unit: { id: string; code: string }; parent: { id: string; code: string } | null; city: { id: string; code: string } | null }
    >
  > {
    const rows = await this.db.query(
      `SELECT u.id, json_build_object('id', u.id, 'code', u.code) AS unit,
              (SELECT json_build_object('id', p.id, 'code', p.code) FROM handling_unit p WHERE p.id = u.parent_id) AS parent,
              (SELECT json_build_object('id', c.id, 'code', c.code) FROM handling_unit c WHERE c.kind = 'city' AND c.active LIMIT 1) AS city
         FROM handling_unit u WHERE u.id = ANY($1::uuid[])`,
      [unitIds],
    );
    return new Map(
      rows.map(
        (r: {
          id: string;
          unit: { id: string; code: string };
          parent: { id: string; code: string } | null;
          city: { id: string; code: string } | null;
        }) => [r.id, r],
      ),
    );
  }

  /** Records a stage; false when it had already fired (the unique key decides, not the caller). */
  async recordStage(
    tx: EntityManager,
    s: { reportId: string; kind: SlaKind; cycle: number; stage: string; dueAt: Date; firedBy: string },
  ): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO sla_stage_event (report_id, kind, cycle, stage, due_at, fired_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (report_id, kind, stage, cycle) DO NOTHING RETURNING id`,
      [s.reportId, s.kind, s.cycle, s.stage, s.dueAt, s.firedBy],
    );
    return rows.length === 1;
  }

  async insertTimelineEvent(tx: EntityManager, e: { reportId: string; type: string; data: Record<string, unknown> }): Promise<void> {
    await tx.query(SYSTEM_EVENT_SQL, [e.reportId, e.type, e.data]);
  }

  /** Running clocks whose next stage is due by `now`: what the sweeper fires. */
  dueClocks(now: Date, limit: number): Promise<{ id: string; nextStage: string }[]> {
    return this.db.query(
      `SELECT id, next_stage AS "nextStage"
         FROM sla_clock WHERE state = 'running' AND next_stage_at IS NOT NULL AND next_stage_at <= $1
        ORDER BY next_stage_at LIMIT $2`,
      [now, limit],
    );
  }

  /** Current-cycle clocks that are not stopped, in pages by id: what a repair recomputes. */
  liveClocks(afterId: string, limit: number): Promise<ClockRow[]> {
    return this.db.query(
      `SELECT ${CLOCK} FROM sla_clock c JOIN report r ON r.id = c.report_id
        WHERE c.state <> 'stopped' AND c.id > $1 ORDER BY c.id LIMIT $2`,
      [afterId, limit],
    );
  }

  /** Writes recomputed derived fields and the report deadlines they imply, for a page of clocks. */
  async repairDerived(rows: { id: string; reportId: string; kind: SlaKind; derived: ClockDerived }[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE sla_clock c SET state = u.state, due_at = u.due_at, next_stage = u.next_stage, next_stage_at = u.next_stage_at, updated_at = now()
           FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::text[], $5::timestamptz[]) AS u(id, state, due_at, next_stage, next_stage_at)
          WHERE c.id = u.id`,
        derivedParams(rows, 'state', 'dueAt', 'nextStage', 'nextStageAt'),
      );
      await tx.query(
        DEADLINES_FROM_CLOCKS_SQL,
        unnestParams(rows, 'reportId', 'kind', (r) => r.derived.dueAt),
      );
    });
  }

  /** Running clocks' next stages, in pages by clock id: what the reconciler puts back after a Redis loss. */
  runningTimers(
    afterId: string,
    limit: number,
  ): Promise<{ id: string; reportId: string; kind: SlaKind; cycle: number; nextStage: string; nextStageAt: Date }[]> {
    return this.db.query(
      `SELECT id, report_id AS "reportId", kind::text AS kind, cycle, next_stage AS "nextStage", next_stage_at AS "nextStageAt"
         FROM sla_clock WHERE state = 'running' AND next_stage_at IS NOT NULL AND id > $1
        ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
  }

  /** Reports still waiting for routing after the relay published them: lost routing jobs. */
  strandedNewReports(olderThan: Date, limit: number): Promise<string[]> {
    return this.db
      .query(`SELECT id FROM report WHERE status = 'new' AND assigned_unit_id IS NULL AND created_at < $1 ORDER BY created_at LIMIT $2`, [
        olderThan,
        limit,
      ])
      .then((rows: { id: string }[]) => rows.map((r) => r.id));
  }

  async ladder(unitId: string | null): Promise<{
    unit: { id: string; code: string } | null;
    parent: { id: string; code: string } | null;
    city: { id: string; code: string } | null;
  }> {
    const rows = await this.db.query(
      `SELECT json_build_object('id', u.id, 'code', u.code) AS unit,
              (SELECT json_build_object('id', p.id, 'code', p.code) FROM handling_unit p WHERE p.id = u.parent_id) AS parent,
              (SELECT json_build_object('id', c.id, 'code', c.code) FROM handling_unit c WHERE c.kind = 'city' AND c.active LIMIT 1) AS city
         FROM handling_unit u WHERE u.id = $1`,
      [unitId],
    );
    return rows[0] ?? { unit: null, parent: null, city: null };
  }
}

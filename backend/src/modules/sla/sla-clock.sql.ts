/**
 * The SQL of new SLA clocks as a fragment, so that a statement of another module that starts the
 * clocks (routing's batch assignment) stays one statement.
 */
import type { SlaKind, StoredTransition } from './sla-clock.entity';
import type { SlaMode } from './sla-policy.entity';
import { unnestParams } from '../../engine/database/unnest-params';

export interface ClockDerived {
  state: 'running' | 'paused' | 'stopped';
  dueAt: Date | null;
  nextStage: string | null;
  nextStageAt: Date | null;
  met: boolean | null;
}

export interface NewClock {
  reportId: string;
  kind: SlaKind;
  cycle: number;
  policyId: number | null;
  mode: SlaMode;
  targetMs: number;
  transitions: StoredTransition[];
  derived: ClockDerived;
}

/**
 * The INSERT of new clocks given as twelve parallel arrays from parameter `$first` on (see
 * clockArrays); with `onlyFor`, a relation with an `id` column written by the same statement,
 * only the clocks of those reports. Returns id, "reportId" and kind of each clock inserted.
 */
export function insertClocksSql(first: number, onlyFor?: string): string {
  const types = ['uuid', 'sla_kind', 'int', 'int', 'sla_mode', 'bigint', 'jsonb', 'text', 'timestamptz', 'text', 'timestamptz', 'boolean'];
  return `INSERT INTO sla_clock (report_id, kind, cycle, policy_id, mode, target_ms, transitions, state, due_at, next_stage, next_stage_at, met)
     SELECT * FROM unnest(${types.map((t, i) => `$${first + i}::${t}[]`).join(', ')})
       AS c(report_id, kind, cycle, policy_id, mode, target_ms, transitions, state, due_at, next_stage, next_stage_at, met)
     ${onlyFor ? `WHERE c.report_id IN (SELECT id FROM ${onlyFor})` : ''}
     ON CONFLICT (report_id, kind, cycle) DO NOTHING RETURNING id, report_id AS "reportId", kind::text AS kind`;
}

/** The parameters of insertClocksSql, in its order. */
export function clockArrays(clocks: NewClock[]): unknown[] {
  return unnestParams(
    clocks,
    'reportId',
    'kind',
    'cycle',
    'policyId',
    'mode',
    'targetMs',
    (c) => JSON.stringify(c.transitions),
    (c) => c.derived.state,
    (c) => c.derived.dueAt,
    (c) => c.derived.nextStage,
    (c) => c.derived.nextStageAt,
    (c) => c.derived.met,
  );
}

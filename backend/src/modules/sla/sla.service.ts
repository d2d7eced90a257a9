import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxRepository } from '../../engine/outbox/outbox.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { CalendarService } from './calendar/calendar.service';
import { stageInstants } from './calendar/sla-clock';
import type { SlaKind, StoredTransition } from './sla-clock.entity';
import { derive, parseTransitions, timerDelayMs, transitionApplies } from './sla-clock-derivation';
import { ClockRow, NewClock, PolicyCandidate, PolicyRow, SlaRepository } from './sla.repository';
import { ladderNotifications } from './escalation-ladder';
import { policyOrFallback, targetMsOf } from './sla-policy-choice';
import { SLA_STAGES, SlaStageName, timerJobId } from './sla-stages';
import { Clock, CLOCK } from '../../engine/clock/clock';

const KINDS: SlaKind[] = ['response', 'resolution'];
const POLICY_CACHE_MS = 60_000;
// A timer may wake a little before its instant (clock skew between hosts, delay rounding).
const EARLY_TOLERANCE_MS = 1000;

export interface StageRef {
  clockId: string;
  stage: SlaStageName;
}

export type FireOutcome = 'fired' | 'already_fired' | 'not_due' | 'not_running' | 'stale_cycle' | 'no_clock';

export interface TimerPlan {
  add: { jobId: string; delayMs: number }[];
  remove: string[];
}

/**
 * The SLA engine. PostgreSQL holds every clock (its transitions, hence its deadlines) and every
 * stage that fired; BullMQ timers and the sweeper only decide *when* to look. Firing inserts
 * the stage under a unique key first, so a stage fires once whoever gets there first
 * (invariant 3), and paused time never counts because deadlines are derived from the
 * transitions on the business calendar.
 */
@Injectable()
export class SlaService {
  private policies: { rows: PolicyCandidate[]; at: number } | null = null;

  constructor(
    private readonly sla: SlaRepository,
    private readonly calendars: CalendarService,
    private readonly outbox: OutboxRepository,
    private readonly notifications: NotificationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Starts the response and resolution clocks of a newly assigned ticket (once) and returns the
   * first timers, for the caller to schedule after commit. Should that never happen (a crash in
   * between), the sweeper fires the stage from next_stage_at and the chain resumes from there.
   * `fresh`: the caller holds the ticket's lock and knows it has no clocks (a new ticket); the
   * deadlines are then returned for the caller's own update of the report instead of written here.
   */
  async startClocks(
    tx: EntityManager,
    t: { reportId: string; categoryId: number; priority: string; at: Date },
    options: { fresh?: boolean } = {},
  ): Promise<{ timers: TimerPlan['add']; deadlines: { responseDueAt: Date | null; resolutionDueAt: Date | null } }> {
    const none = { timers: [], deadlines: { responseDueAt: null, resolutionDueAt: null } };
    if (!options.fresh && (await this.sla.lockCurrentClocks(tx, t.reportId)).length > 0) return none;
    const planned = await this.planFreshClocks([t]);
    const timers = this.timersFor(planned.clocks, await this.sla.insertClocks(tx, planned.clocks));
    const deadlines = planned.deadlines.get(t.reportId)!;
    if (!options.fresh) await this.sla.setReportDeadlines(tx, t.reportId, deadlines);
    return { timers, deadlines };
  }

  /**
   * The clocks `startClocks` would start for many new tickets at once (the router's batches),
   * for the caller to insert with its own statement (insertClocksSql), and each ticket's deadlines.
   */
  async planFreshClocks(
    tickets: { reportId: string; categoryId: number; priority: string; at: Date }[],
  ): Promise<{ clocks: NewClock[]; deadlines: Map<string, { responseDueAt: Date | null; resolutionDueAt: Date | null }> }> {
    const calendar = await this.calendars.current();
    const clocks: NewClock[] = [];
    const deadlines = new Map<string, { responseDueAt: Date | null; resolutionDueAt: Date | null }>();
    for (const t of tickets) {
      const policy = await this.policyFor(t.categoryId, t.priority, t.at);
      const transitions: StoredTransition[] = [{ type: 'start', at: t.at.toISOString() }];
      const d = { responseDueAt: null as Date | null, resolutionDueAt: null as Date | null };
      for (const kind of KINDS) {
        const targetMs = targetMsOf(policy, kind);
        const clock = {
          reportId: t.reportId,
          kind,
          cycle: 1,
          policyId: policy.id,
          mode: policy.mode,
          targetMs,
          transitions,
          derived: derive({ mode: policy.mode, targetMs, transitions }, new Set(), calendar),
        };
        clocks.push(clock);
        if (kind === 'response') d.responseDueAt = clock.derived.dueAt;
        else d.resolutionDueAt = clock.derived.dueAt;
      }
      deadlines.set(t.reportId, d);
    }
    return { clocks, deadlines };
  }

  /** The first timers of planned clocks that were inserted, for the caller to schedule after commit. */
  timersFor(clocks: NewClock[], inserted: { id: string; reportId: string; kind: string }[]): TimerPlan['add'] {
    const idOf = new Map(inserted.map((r) => [`${r.reportId}|${r.kind}`, r.id]));
    const timers: TimerPlan['add'] = [];
    for (const c of clocks) {
      const id = idOf.get(`${c.reportId}|${c.kind}`);
      if (id && c.derived.nextStage && c.derived.nextStageAt) {
        timers.push({
          jobId: timerJobId(id, c.derived.nextStage as SlaStageName),
          delayMs: timerDelayMs(c.derived.nextStageAt, this.clock.now()),
        });
      }
    }
    return timers;
  }

  /**
   * Pause, resume or stop clocks of a ticket (ServiceNow-style conditions): waiting for the
   * citizen pauses, their answer resumes, acknowledgement stops the response clock, resolution
   * stops the resolution clock. Transitions that do not apply to a clock's state are skipped.
   */
  async transition(tx: EntityManager, reportId: string, kinds: SlaKind[], type: 'pause' | 'resume' | 'stop', at: Date): Promise<void> {
    const clocks = await this.sla.lockCurrentClocks(tx, reportId);
    const calendar = await this.calendars.current();
    let changed = false;
    for (const clock of clocks.filter((c) => kinds.includes(c.kind))) {
      if (!transitionApplies(clock.state, type)) continue;
      const transitions = [...clock.transitions, { type, at: at.toISOString() }];
      const fired = await this.sla.firedStages(reportId, clock.kind, clock.cycle, tx);
      const derived = derive({ mode: clock.mode, targetMs: clock.targetMs, transitions }, fired, calendar);
      await this.sla.updateClock(tx, clock.id, { transitions, derived });
      await this.sla.setReportDeadlines(
        tx,
        reportId,
        clock.kind === 'response' ? { responseDueAt: derived.dueAt } : { resolutionDueAt: derived.dueAt, resolvedOnTime: derived.met },
      );
      changed = true;
    }
    if (changed) await this.outbox.enqueue(tx, 'sla.changed', reportId);
  }

  /** Reopening: the resolution clock starts a new cycle with the same target; the old cycle keeps its record. */
  async restartResolution(tx: EntityManager, reportId: string, at: Date): Promise<void> {
    const clocks = await this.sla.lockCurrentClocks(tx, reportId);
    const old = clocks.find((c) => c.kind === 'resolution');
    if (!old) return;
    const calendar = await this.calendars.current();
    if (old.state !== 'stopped') {
      const stopped = [...old.transitions, { type: 'stop' as const, at: at.toISOString() }];
      const fired = await this.sla.firedStages(reportId, old.kind, old.cycle, tx);
      await this.sla.updateClock(tx, old.id, {
        transitions: stopped,
        derived: derive({ mode: old.mode, targetMs: old.targetMs, transitions: stopped }, fired, calendar),
      });
    }
    const transitions: StoredTransition[] = [{ type: 'start', at: at.toISOString() }];
    const derived = derive({ mode: old.mode, targetMs: old.targetMs, transitions }, new Set(), calendar);
    await this.sla.insertClock(tx, {
      reportId,
      kind: 'resolution',
      cycle: old.cycle + 1,
      policyId: null,
      mode: old.mode,
      targetMs: old.targetMs,
      transitions,
      derived,
    });
    await this.sla.setReportDeadlines(tx, reportId, { resolutionDueAt: derived.dueAt, resolvedOnTime: null });
    await this.outbox.enqueue(tx, 'sla.changed', reportId);
  }

  /** A new category or priority changes the targets of the running cycle; elapsed time is kept. */
  async retarget(tx: EntityManager, t: { reportId: string; categoryId: number; priority: string; at: Date }): Promise<void> {
    const clocks = await this.sla.lockCurrentClocks(tx, t.reportId);
    if (clocks.length === 0) {
      await this.startClocks(tx, t);
      await this.outbox.enqueue(tx, 'sla.changed', t.reportId);
      return;
    }
    const policy = await this.policyFor(t.categoryId, t.priority, t.at);
    const calendar = await this.calendars.current();
    for (const clock of clocks) {
      if (clock.state === 'stopped') continue;
      const targetMs = targetMsOf(policy, clock.kind);
      const fired = await this.sla.firedStages(t.reportId, clock.kind, clock.cycle, tx);
      const derived = derive({ mode: policy.mode, targetMs, transitions: clock.transitions }, fired, calendar);
      await this.sla.updateClock(tx, clock.id, {
        transitions: clock.transitions,
        targetMs,
        policyId: policy.id,
        mode: policy.mode,
        derived,
      });
      await this.sla.setReportDeadlines(
        tx,
        t.reportId,
        clock.kind === 'response' ? { responseDueAt: derived.dueAt } : { resolutionDueAt: derived.dueAt },
      );
    }
    await this.outbox.enqueue(tx, 'sla.changed', t.reportId);
  }

  /** Fires one stage if, by PostgreSQL's account, it is due and has not fired. Safe to call any number of times. */
  async fire(s: StageRef, by: 'timer' | 'sweeper', now = this.clock.now()): Promise<FireOutcome> {
    return (await this.fireMany([s], by, now)).outcomes[0];
  }

  /**
   * Fires a batch of stages in one transaction (a few statements whatever its size, so thousands
   * of stages due at the same instant go out within the second). Each stage is checked against
   * PostgreSQL's clock; the unique key on fired stages decides which are new. Returns, besides
   * the outcomes, the next stage timers for the caller to add after commit (lost in a crash, they
   * are covered by the sweeper, which reads the stored next stage).
   */
  async fireMany(
    refs: StageRef[],
    by: 'timer' | 'sweeper',
    now = this.clock.now(),
  ): Promise<{ outcomes: FireOutcome[]; next: TimerPlan['add'] }> {
    if (refs.length === 0) return { outcomes: [], next: [] };
    const calendar = await this.calendars.current();
    return this.sla.transaction(async (tx) => {
      const clocks = new Map(
        (
          await this.sla.lockClocksById(
            tx,
            refs.map((r) => r.clockId),
          )
        ).map((c) => [String(c.id), c]),
      );
      const outcomes: FireOutcome[] = [];
      const candidates: { ref: StageRef; clock: ClockRow; dueAt: Date }[] = [];
      for (const ref of refs) {
        const clock = clocks.get(ref.clockId);
        const outcome = !clock ? 'no_clock' : !clock.current ? 'stale_cycle' : clock.state !== 'running' ? 'not_running' : null;
        if (outcome || !clock) {
          outcomes.push(outcome ?? 'no_clock');
          continue;
        }
        const fraction = SLA_STAGES.find((x) => x.name === ref.stage)!.fraction;
        const at = stageInstants(
          { mode: clock.mode, targetMs: clock.targetMs, transitions: parseTransitions(clock.transitions) },
          calendar,
          [fraction],
        )[0].at;
        if (!at || at.getTime() > now.getTime() + EARLY_TOLERANCE_MS) {
          outcomes.push('not_due');
          continue;
        }
        outcomes.push('fired');
        candidates.push({ ref, clock, dueAt: at });
      }
      const inserted = await this.sla.recordStages(
        tx,
        candidates.map((c) => ({
          reportId: c.clock.reportId,
          kind: c.clock.kind,
          cycle: c.clock.cycle,
          stage: c.ref.stage,
          dueAt: c.dueAt,
        })),
        by,
      );
      const key = (x: { reportId: string; kind: string; cycle: number; stage: string }) => `${x.reportId}|${x.kind}|${x.cycle}|${x.stage}`;
      const fresh = new Set(inserted.map(key));
      const isFresh = (c: { clock: ClockRow; ref: StageRef }) => fresh.has(key({ ...c.clock, stage: c.ref.stage }));
      const fired = candidates.filter(isFresh);
      let candidate = 0;
      refs.forEach((_, i) => {
        if (outcomes[i] !== 'fired') return;
        if (!isFresh(candidates[candidate])) outcomes[i] = 'already_fired';
        candidate++;
      });
      if (fired.length === 0) return { outcomes, next: [] };

      // Breaches and escalations go on the ticket's timeline; warnings stay in the stage record
      // and the unit's notifications (they are reminders, not events in the ticket's life).
      await this.sla.insertTimelineEvents(
        tx,
        fired
          .filter((f) => f.ref.stage === 'breach' || f.ref.stage === 'escalate')
          .map((f) => ({
            reportId: f.clock.reportId,
            type: f.ref.stage === 'breach' ? 'sla_breach' : 'sla_escalated',
            data: { kind: f.clock.kind, cycle: f.clock.cycle, stage: f.ref.stage, dueAt: f.dueAt.toISOString(), firedBy: by },
          })),
      );
      await this.notifications.recordMany(tx, await this.ladderNotifications(fired.map((f) => ({ clock: f.clock, stage: f.ref.stage }))));
      const firedSets = await this.sla.firedStagesOf(
        tx,
        fired.map((f) => f.clock),
      );
      const updated = [...new Map(fired.map((f) => [f.clock.id, f.clock])).values()].map((c) => ({
        clock: c,
        id: c.id,
        derived: derive(
          { mode: c.mode, targetMs: c.targetMs, transitions: c.transitions },
          firedSets.get(`${c.reportId}|${c.kind}|${c.cycle}`) ?? new Set(),
          calendar,
        ),
      }));
      await this.sla.updateDerived(tx, updated);
      const next = updated
        .filter((u) => u.derived.nextStage && u.derived.nextStageAt)
        .map((u) => ({
          jobId: timerJobId(u.clock.id, u.derived.nextStage as SlaStageName),
          delayMs: timerDelayMs(u.derived.nextStageAt!, this.clock.now()),
        }));
      return { outcomes, next };
    });
  }

  /** Fires everything PostgreSQL says is due: the net under lost, late or flushed timers. */
  async sweep(now = this.clock.now(), schedule: (next: TimerPlan['add']) => Promise<void> = async () => undefined): Promise<number> {
    let fired = 0;
    for (;;) {
      const due = await this.sla.dueClocks(now, 500);
      if (due.length === 0) return fired;
      const { outcomes, next } = await this.fireMany(
        due.map((d) => ({ clockId: String(d.id), stage: d.nextStage as SlaStageName })),
        'sweeper',
        now,
      );
      await schedule(next);
      const progressed = outcomes.filter((o) => o === 'fired').length;
      fired += progressed;
      if (progressed === 0) return fired;
    }
  }

  /**
   * Which timers a ticket should have in Redis now, and which must go. A running clock keeps one
   * timer, for its next stage (the firing of a stage asks for the next one through the outbox);
   * a paused or stopped clock keeps none.
   */
  async timerPlan(reportId: string, now = this.clock.now()): Promise<TimerPlan> {
    const calendar = await this.calendars.current();
    const plan: TimerPlan = { add: [], remove: [] };
    for (const clock of await this.sla.currentClocks(reportId)) {
      const fired = await this.sla.firedStages(reportId, clock.kind, clock.cycle);
      const derived = derive({ mode: clock.mode, targetMs: clock.targetMs, transitions: clock.transitions }, fired, calendar);
      if (derived.nextStage && derived.nextStageAt) {
        plan.add.push({ jobId: timerJobId(clock.id, derived.nextStage as SlaStageName), delayMs: timerDelayMs(derived.nextStageAt, now) });
      } else {
        // A paused or stopped clock keeps no timer. (Timers of an earlier cycle need no removal:
        // firing checks the cycle and answers stale_cycle.)
        for (const stage of SLA_STAGES) if (!fired.has(stage.name)) plan.remove.push(timerJobId(clock.id, stage.name));
      }
    }
    return plan;
  }

  /**
   * Recomputes every live clock's deadline and next stage from its stored transitions on the
   * current calendar — after a calendar or hours change, or to mend anything derived that went
   * wrong — and returns the timers to put in Redis. Fired stages are never touched.
   */
  async repair(onPage: (timers: TimerPlan['add']) => Promise<void>): Promise<number> {
    const calendar = await this.calendars.current();
    let repaired = 0;
    for (let after = '0'; ;) {
      const clocks = await this.sla.liveClocks(after, 2000);
      if (clocks.length === 0) return repaired;
      const fired = await this.sla.firedStagesOf(this.sla.manager, clocks);
      const rows = clocks.map((c) => ({
        id: c.id,
        reportId: c.reportId,
        kind: c.kind,
        derived: derive(
          { mode: c.mode, targetMs: c.targetMs, transitions: c.transitions },
          fired.get(`${c.reportId}|${c.kind}|${c.cycle}`) ?? new Set(),
          calendar,
        ),
      }));
      await this.sla.repairDerived(rows);
      await onPage(
        rows
          .filter((r) => r.derived.nextStage && r.derived.nextStageAt)
          .map((r) => ({
            jobId: timerJobId(String(r.id), r.derived.nextStage as SlaStageName),
            delayMs: timerDelayMs(r.derived.nextStageAt!, this.clock.now()),
          })),
      );
      repaired += rows.length;
      after = clocks[clocks.length - 1].id;
    }
  }

  async timerPlanOfClock(clockId: string): Promise<TimerPlan> {
    const reportId = await this.sla.reportOfClock(clockId);
    return reportId ? this.timerPlan(reportId) : { add: [], remove: [] };
  }

  /** Policies change a few times a year: read them at most once a minute per process. */
  private async policyFor(categoryId: number, priority: string, at: Date): Promise<PolicyRow> {
    if (!this.policies || this.clock.now().getTime() - this.policies.at > POLICY_CACHE_MS)
      this.policies = { rows: await this.sla.policies(), at: this.clock.now().getTime() };
    return policyOrFallback(this.policies.rows, categoryId, priority, at);
  }

  /** Drops the cached policies (after an admin creates one in this process). */
  invalidatePolicies(): void {
    this.policies = null;
  }

  /** The escalation ladder (escalation-ladder.ts) over the supervisors of the units concerned. */
  private async ladderNotifications(items: { clock: ClockRow; stage: SlaStageName }[]) {
    return ladderNotifications(
      items,
      await this.sla.ladders([...new Set(items.map((i) => i.clock.assignedUnitId).filter((u): u is string => Boolean(u)))]),
    );
  }
}

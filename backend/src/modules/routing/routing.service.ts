import { Inject, Injectable } from '@nestjs/common';
import { OutboxRepository } from '../../engine/outbox/outbox.repository';
import { canTouch, ticketScope } from '../auth/access-scope';
import type { Principal } from '../auth/principal';
import { ReportRecordService } from '../report-record/report-record.service';
import { isTerminalStatus } from '../report-record/report-status';
import { GeoService } from '../geo/geo.service';
import { NotificationsService, newTicketAssigned } from '../notifications/notifications.service';
import { SlaService, TimerPlan } from '../sla/sla.service';
import { NoRouteError, resolveRoute, Route } from './route-resolution';
import { RoutingException } from './routing.exception';
import { RoutingRepository } from './routing.repository';
import { Clock, CLOCK } from '../../engine/clock/clock';

// Reads and writes of a first assignment, should the report keep changing in between.
const ROUTE_ATTEMPTS = 3;

export type RouteOutcome =
  | { outcome: 'assigned'; route: Route; timers: TimerPlan['add'] }
  | { outcome: 'already_assigned' | 'missing' }
  | { outcome: 'no_route'; reason: string };

/**
 * Invariant 2: every report is with exactly one unit at a time, and every move is on the
 * timeline with who and why. A first assignment writes only over the version it read; every
 * later decision locks the ticket row, so concurrent routers, retried jobs and officials acting
 * at once serialise on it.
 */
@Injectable()
export class RoutingService {
  constructor(
    private readonly routing: RoutingRepository,
    private readonly record: ReportRecordService,
    private readonly geo: GeoService,
    private readonly sla: SlaService,
    private readonly outbox: OutboxRepository,
    private readonly notifications: NotificationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** First assignment of a new report; a second run for the same report changes nothing. */
  async routeNew(reportId: string, now = this.clock.now()): Promise<RouteOutcome> {
    const { outcomes, timers } = await this.routeMany([reportId], now);
    const outcome = outcomes.get(reportId) ?? { outcome: 'missing' as const };
    return outcome.outcome === 'assigned' ? { ...outcome, timers } : outcome;
  }

  /**
   * First assignments for a batch of new reports: their facts in one read, their assignments,
   * events, clocks and notices in one statement (two round trips whatever the batch's size: the
   * router's latency and throughput under load). Reports already assigned are left alone, so a job
   * replayed or run twice assigns once; a report changed between the read and the write (its
   * version moved) is read again.
   */
  async routeMany(reportIds: string[], now = this.clock.now()): Promise<{ outcomes: Map<string, RouteOutcome>; timers: TimerPlan['add'] }> {
    const outcomes = new Map<string, RouteOutcome>();
    const timers: TimerPlan['add'] = [];
    // Assigned before this run: a job run again after its assignment committed but before its
    // timers reached Redis (the worker killed, Redis or the database gone at that instant).
    const replayed: string[] = [];
    let pending = [...new Set(reportIds)];
    for (let attempt = 1; pending.length > 0 && attempt <= ROUTE_ATTEMPTS; attempt++) {
      const candidates = await this.routing.factsMany(pending, now);
      const fresh = candidates.filter(({ ticket }) => ticket.status === 'new' && !ticket.assignedUnitId);
      for (const c of candidates) if (!fresh.includes(c)) outcomes.set(c.ticket.id, { outcome: 'already_assigned' });
      if (attempt === 1) replayed.push(...candidates.filter((c) => !fresh.includes(c) && c.ticket.assignedUnitId).map((c) => c.ticket.id));
      const routes = new Map<string, Route>();
      for (const { ticket, facts } of fresh) {
        try {
          routes.set(ticket.id, resolveRoute(facts));
        } catch (err) {
          // One misconfigured ward must not hold up the others in the batch.
          if (!(err instanceof NoRouteError) || reportIds.length === 1) throw err;
          outcomes.set(ticket.id, { outcome: 'no_route', reason: err.message });
        }
      }
      const routed = fresh.filter(({ ticket }) => routes.has(ticket.id));
      if (routed.length === 0) {
        pending = [];
        break;
      }
      const planned = await this.sla.planFreshClocks(
        routed.map(({ ticket }) => ({ reportId: ticket.id, categoryId: ticket.categoryId, priority: ticket.priority, at: now })),
      );
      const written = await this.routing.assignNew(
        routed.map(({ ticket }) => {
          const route = routes.get(ticket.id)!;
          const d = planned.deadlines.get(ticket.id)!;
          return {
            id: ticket.id,
            version: ticket.version,
            unitId: route.unitId,
            ...d,
            reason: route.reason,
            ruleId: route.ruleId,
            notice: newTicketAssigned(ticket.id, route.unitId),
          };
        }),
        planned.clocks,
      );
      for (const id of written.assigned) outcomes.set(id, { outcome: 'assigned', route: routes.get(id)!, timers: [] });
      timers.push(...this.sla.timersFor(planned.clocks, written.clocks));
      const assigned = new Set(written.assigned);
      pending = routed.filter(({ ticket }) => !assigned.has(ticket.id)).map(({ ticket }) => ticket.id);
    }
    // Changed under the router every time: whoever changed it last decides (a re-route routes).
    for (const id of pending) if (!outcomes.has(id)) outcomes.set(id, { outcome: 'already_assigned' });
    // Its timers are planned again from the stored clocks (timer ids are deterministic, so one
    // already in Redis stays one), rather than waiting for the sweeper.
    for (const id of replayed) timers.push(...(await this.sla.timerPlan(id, now)).add);
    return { outcomes, timers };
  }

  /** An official hands a mis-routed ticket to another unit; the SLA clocks keep running. */
  async transfer(reportId: string, toUnitId: string, reason: string, actor: Principal): Promise<{ id: string; assignedUnitId: string }> {
    const target = await this.routing.activeUnit(toUnitId);
    if (!target) throw RoutingException.unknownUnit(toUnitId);
    return this.routing.transaction(async (tx) => {
      const ticket = await this.routing.lockTicket(tx, reportId);
      if (!ticket || !mayMove(actor, ticket.assignedUnitId)) throw RoutingException.notFound(reportId);
      if (isTerminalStatus(ticket.status)) throw RoutingException.closed(ticket.status);
      if (ticket.assignedUnitId === toUnitId) throw RoutingException.sameUnit();
      const status = ticket.status === 'new' ? 'assigned' : ticket.status;
      await this.record.setAssignment(tx, reportId, toUnitId, status);
      await this.record.appendEvent(tx, {
        reportId,
        type: 'transferred',
        actorUserId: actor.userId,
        actorRole: actor.role,
        fromStatus: ticket.status,
        toStatus: status,
        fromUnitId: ticket.assignedUnitId,
        toUnitId,
        isPublic: true,
        message: reason,
      });
      if (ticket.status === 'new') {
        await this.sla.startClocks(tx, { reportId, categoryId: ticket.categoryId, priority: ticket.priority, at: this.clock.now() });
        await this.outbox.enqueue(tx, 'sla.changed', reportId);
      }
      await this.notifications.unitAssigned(tx, reportId, toUnitId, `assigned:${reportId}:${toUnitId}:${this.clock.now().getTime()}`);
      return { id: reportId, assignedUnitId: toUnitId };
    });
  }

  /**
   * A corrected category or point re-runs the routing rule; when the answer is another unit the
   * ticket moves (a `rerouted` event says why), and a new priority re-targets the SLA clocks.
   */
  async reclassify(
    reportId: string,
    change: { category?: string; lat?: number; lng?: number; reason: string },
    actor: Principal,
  ): Promise<{ id: string; assignedUnitId: string | null; moved: boolean }> {
    const category = change.category ? await this.routing.category(change.category) : null;
    if (change.category && !category) throw RoutingException.unknownCategory(change.category);
    const ward = change.lat !== undefined && change.lng !== undefined ? await this.geo.locate(change.lat, change.lng) : null;
    return this.routing.transaction(async (tx) => {
      const ticket = await this.routing.lockTicket(tx, reportId);
      if (!ticket || !mayMove(actor, ticket.assignedUnitId)) throw RoutingException.notFound(reportId);
      if (isTerminalStatus(ticket.status)) throw RoutingException.closed(ticket.status);
      const categoryId = category?.id ?? ticket.categoryId;
      const priority = category?.defaultPriority ?? ticket.priority;
      const wardCode = ward?.code ?? ticket.wardCode;
      await this.record.setPlace(tx, reportId, {
        categoryId,
        priority,
        lng: ward ? change.lng! : null,
        lat: ward ? change.lat! : null,
        adminUnitId: ward?.id ?? null,
        wardCode: ward?.code ?? null,
      });
      const route = resolveRoute(await this.routing.facts(tx, categoryId, wardCode, this.clock.now()));
      const moved = route.unitId !== ticket.assignedUnitId;
      const status = ticket.status === 'new' ? 'assigned' : ticket.status;
      if (moved) await this.record.setAssignment(tx, reportId, route.unitId, status);
      await this.record.appendEvent(tx, {
        reportId,
        type: moved ? 'rerouted' : 'reclassified',
        actorUserId: actor.userId,
        actorRole: actor.role,
        fromStatus: ticket.status,
        toStatus: status,
        fromUnitId: ticket.assignedUnitId,
        toUnitId: route.unitId,
        isPublic: moved,
        message: change.reason,
        data: { category: change.category ?? null, wardCode, reason: route.reason, ruleId: route.ruleId },
      });
      if (ticket.status === 'new') {
        await this.sla.startClocks(tx, { reportId, categoryId, priority, at: this.clock.now() });
        await this.outbox.enqueue(tx, 'sla.changed', reportId);
      } else if (priority !== ticket.priority) await this.sla.retarget(tx, { reportId, categoryId, priority, at: this.clock.now() });
      if (moved)
        await this.notifications.unitAssigned(
          tx,
          reportId,
          route.unitId,
          `assigned:${reportId}:${route.unitId}:${this.clock.now().getTime()}`,
        );
      return { id: reportId, assignedUnitId: route.unitId, moved };
    });
  }
}

/** Officials move only their own unit's tickets; admins and the call centre any (invariant 4). */
function mayMove(actor: Principal, assignedUnitId: string | null): boolean {
  if (actor.role === 'admin' || actor.role === 'operator') return true;
  if (actor.role === 'leader') return false;
  return canTouch(ticketScope(actor), assignedUnitId);
}

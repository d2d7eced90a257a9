import { Injectable } from '@nestjs/common';
import { OutboxRepository } from '../../engine/outbox/outbox.repository';
import { canTouch, ticketScope } from '../auth/access-scope';
import type { Principal } from '../auth/principal';
import { GeoService } from '../geo/geo.service';
import { NotificationsService } from '../notifications/notifications.service';
import { SlaService, TimerPlan } from '../sla/sla.service';
import { NoRouteError, resolveRoute, Route } from './route-resolution';
import { RoutingException } from './routing.exception';
import { RoutingRepository } from './routing.repository';

const CLOSED = new Set(['resolved', 'closed', 'rejected', 'merged']);

export type RouteOutcome = { outcome: 'assigned'; route: Route; timers: TimerPlan['add'] } | { outcome: 'already_assigned' | 'missing' } | { outcome: 'no_route'; reason: string };

/**
 * Invariant 2: every report is with exactly one unit at a time, and every move is on the
 * timeline with who and why. The ticket row is locked for each decision, so concurrent routers,
 * retried jobs and officials acting at once serialise on it.
 */
@Injectable()
export class RoutingService {
  constructor(
    private readonly routing: RoutingRepository,
    private readonly geo: GeoService,
    private readonly sla: SlaService,
    private readonly outbox: OutboxRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /** First assignment of a new report; a second run for the same report changes nothing. */
  async routeNew(reportId: string, now = new Date()): Promise<RouteOutcome> {
    const { outcomes, timers } = await this.routeMany([reportId], now);
    const outcome = outcomes.get(reportId) ?? { outcome: 'missing' as const };
    return outcome.outcome === 'assigned' ? { ...outcome, timers } : outcome;
  }

  /**
   * First assignments for a batch of new reports in one transaction (a handful of statements
   * whatever its size): the router's throughput under load. Reports already assigned are left
   * alone, so a job replayed or run twice assigns once.
   */
  async routeMany(reportIds: string[], now = new Date()): Promise<{ outcomes: Map<string, RouteOutcome>; timers: TimerPlan['add'] }> {
    return this.routing.transaction(async (tx) => {
      const outcomes = new Map<string, RouteOutcome>();
      const locked = await this.routing.lockWithFactsMany(tx, reportIds, now);
      const fresh = locked.filter(({ ticket }) => ticket.status === 'new' && !ticket.assignedUnitId);
      const freshIds = new Set(fresh.map((f) => f.ticket.id));
      for (const { ticket } of locked) if (!freshIds.has(ticket.id)) outcomes.set(ticket.id, { outcome: 'already_assigned' });
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
      if (routed.length === 0) return { outcomes, timers: [] };
      const { deadlines, timers } = await this.sla.startFreshClocks(tx, routed.map(({ ticket }) => ({ reportId: ticket.id, categoryId: ticket.categoryId, priority: ticket.priority, at: now })));
      await this.routing.assignNewMany(
        tx,
        routed.map(({ ticket }) => {
          const route = routes.get(ticket.id)!;
          const d = deadlines.get(ticket.id) ?? { responseDueAt: null, resolutionDueAt: null };
          return { id: ticket.id, unitId: route.unitId, ...d, reason: route.reason, ruleId: route.ruleId };
        }),
      );
      await this.notifications.unitsAssigned(tx, routed.map(({ ticket }) => ({ reportId: ticket.id, unitId: routes.get(ticket.id)!.unitId })));
      for (const { ticket } of routed) outcomes.set(ticket.id, { outcome: 'assigned', route: routes.get(ticket.id)!, timers: [] });
      return { outcomes, timers };
    });
  }

  /** An official hands a mis-routed ticket to another unit; the SLA clocks keep running. */
  async transfer(reportId: string, toUnitId: string, reason: string, actor: Principal): Promise<{ id: string; assignedUnitId: string }> {
    const target = await this.routing.activeUnit(toUnitId);
    if (!target) throw RoutingException.unknownUnit(toUnitId);
    return this.routing.transaction(async (tx) => {
      const ticket = await this.routing.lockTicket(tx, reportId);
      if (!ticket || !mayMove(actor, ticket.assignedUnitId)) throw RoutingException.notFound(reportId);
      if (CLOSED.has(ticket.status)) throw RoutingException.closed(ticket.status);
      if (ticket.assignedUnitId === toUnitId) throw RoutingException.sameUnit();
      const status = ticket.status === 'new' ? 'assigned' : ticket.status;
      await this.routing.setAssignment(tx, reportId, toUnitId, status);
      await this.routing.insertEvent(tx, {
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
        await this.sla.startClocks(tx, { reportId, categoryId: ticket.categoryId, priority: ticket.priority, at: new Date() });
        await this.outbox.enqueue(tx, 'sla.changed', reportId);
      }
      await this.notifications.unitAssigned(tx, reportId, toUnitId, `assigned:${reportId}:${toUnitId}:${Date.now()}`);
      return { id: reportId, assignedUnitId: toUnitId };
    });
  }

  /**
   * A corrected category or point re-runs the routing rule; when the answer is another unit the
   * ticket moves (a `rerouted` event says why), and a new priority re-targets the SLA clocks.
   */
  async reclassify(reportId: string, change: { category?: string; lat?: number; lng?: number; reason: string }, actor: Principal): Promise<{ id: string; assignedUnitId: string | null; moved: boolean }> {
    const category = change.category ? await this.routing.category(change.category) : null;
    if (change.category && !category) throw RoutingException.unknownCategory(change.category);
    const ward = change.lat !== undefined && change.lng !== undefined ? await this.geo.locate(change.lat, change.lng) : null;
    return this.routing.transaction(async (tx) => {
      const ticket = await this.routing.lockTicket(tx, reportId);
      if (!ticket || !mayMove(actor, ticket.assignedUnitId)) throw RoutingException.notFound(reportId);
      if (CLOSED.has(ticket.status)) throw RoutingException.closed(ticket.status);
      const categoryId = category?.id ?? ticket.categoryId;
      const priority = category?.defaultPriority ?? ticket.priority;
      const wardCode = ward?.code ?? ticket.wardCode;
      await this.routing.setPlace(tx, reportId, { categoryId, priority, lng: ward ? change.lng! : null, lat: ward ? change.lat! : null, adminUnitId: ward?.id ?? null, wardCode: ward?.code ?? null });
      const route = resolveRoute(await this.routing.facts(tx, categoryId, wardCode, new Date()));
      const moved = route.unitId !== ticket.assignedUnitId;
      const status = ticket.status === 'new' ? 'assigned' : ticket.status;
      if (moved) await this.routing.setAssignment(tx, reportId, route.unitId, status);
      await this.routing.insertEvent(tx, {
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
        await this.sla.startClocks(tx, { reportId, categoryId, priority, at: new Date() });
        await this.outbox.enqueue(tx, 'sla.changed', reportId);
      } else if (priority !== ticket.priority) await this.sla.retarget(tx, { reportId, categoryId, priority, at: new Date() });
      if (moved) await this.notifications.unitAssigned(tx, reportId, route.unitId, `assigned:${reportId}:${route.unitId}:${Date.now()}`);
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

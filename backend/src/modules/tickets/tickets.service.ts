import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { canTouch, ticketScope } from '../auth/access-scope';
import type { Principal } from '../auth/principal';
import { NotificationsService } from '../notifications/notifications.service';
import { ReportRecordService } from '../report-record/report-record.service';
import { ANSWERED_STATUSES, isOpenStatus, ReportStatus } from '../report-record/report-status';
import { ReporterAccessService } from '../reporter-access/reporter-access.service';
import { SlaService } from '../sla/sla.service';
import { CitizenAction, citizenActions, mayReject, ticketCycle } from './citizen-actions';
import { ActionResult } from './tickets.dto';
import { allowedActions, CLOCK_EFFECTS, IllegalTransitionError, nextStatus, TicketAction } from './ticket-state-machine';
import { TicketsException } from './tickets.exception';
import { TicketRow, TicketsRepository } from './tickets.repository';
import { Clock, CLOCK } from '../../engine/clock/clock';

const EVENT_TYPE: Record<TicketAction, string> = {
  accept: 'accepted',
  request_info: 'info_requested',
  citizen_reply: 'citizen_replied',
  resolve: 'resolved',
  reopen: 'reopened',
  close: 'closed',
  reject: 'rejected',
  merge: 'merged',
};
// What the citizen must be told in words.
const NEEDS_PUBLIC_MESSAGE: TicketAction[] = ['request_info', 'resolve', 'reject'];

/** Who acts: staff by account; an operator may act on behalf of the reporter (a caller on the phone). */
interface Actor {
  userId: string;
  role: string;
  onBehalfOf?: 'reporter';
}

export interface ActionInput {
  version: number;
  publicMessage?: string;
  internalNote?: string;
  photos?: string[];
  masterId?: string;
}

/**
 * Officials' and citizens' actions on a ticket: each one checks the state machine and the
 * caller's scope, applies an optimistic version check (a second official acting on a stale
 * page gets 409, never a lost update), moves the SLA clocks and appends to the timeline.
 */
@Injectable()
export class TicketsService {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly record: ReportRecordService,
    private readonly sla: SlaService,
    private readonly notifications: NotificationsService,
    private readonly reporterAccess: ReporterAccessService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async act(reportId: string, action: TicketAction, input: ActionInput, actor: Principal): Promise<ActionResult> {
    if (NEEDS_PUBLIC_MESSAGE.includes(action) && !input.publicMessage) throw TicketsException.messageRequired('publicMessage');
    if (action === 'merge' && (!input.masterId || input.masterId === reportId)) throw TicketsException.badMaster();
    return this.tickets.transaction(async (tx) => {
      const ticket = await this.tickets.lock(tx, { id: reportId });
      if (!ticket || !mayAct(actor, ticket)) throw TicketsException.notFound(reportId);
      if (ticket.version !== input.version) throw TicketsException.stale(ticket.version);
      const result = await this.apply(tx, ticket, action, input, { userId: actor.userId, role: actor.role });
      if (action === 'merge') {
        const master = await this.tickets.lock(tx, { id: input.masterId! });
        if (!master || !isOpenStatus(master.status)) throw TicketsException.badMaster();
        await this.record.addFollowers(tx, master.id, 1);
      }
      return result;
    });
  }

  /** The reporter answers a request for more information. */
  citizenReply(code: string, secret: string | undefined, message: string): Promise<ActionResult> {
    return this.asReporter(code, secret, (tx, ticket) =>
      this.apply(tx, ticket, 'citizen_reply', { publicMessage: message, version: ticket.version }, null),
    );
  }

  /** The reporter does not accept the answer: within 7 days of resolution the ticket reopens. */
  citizenReject(code: string, secret: string | undefined, reason: string): Promise<ActionResult> {
    return this.asReporter(code, secret, (tx, ticket) => this.reopenFor(tx, ticket, reason, null));
  }

  /** The reporter rates the answer, once per cycle; a resolved ticket is then closed. */
  rate(code: string, secret: string | undefined, rating: number, comment: string | undefined): Promise<ActionResult> {
    return this.asReporter(code, secret, (tx, ticket) => this.rateFor(tx, ticket, rating, comment, null));
  }

  /**
   * What the holder of `secret` may do on the ticket, or null when the secret does not act on it
   * (the public page then stays read-only).
   */
  async reporterActions(code: string, secret: string | undefined, now: Date = this.clock.now()): Promise<CitizenAction[] | null> {
    if (secret === undefined) return null;
    const ticket = await this.tickets.byCode(code);
    if (!ticket || !(await this.reporterAccess.mayAct(this.tickets.manager, ticket.id, secret, now))) return null;
    const ratedThisCycle = await this.tickets.ratedInCycle(
      this.tickets.manager,
      ticket.id,
      ticketCycle(await this.tickets.reopenings(this.tickets.manager, ticket.id)),
    );
    return citizenActions({ status: ticket.status, resolvedAt: ticket.resolvedAt, ratedThisCycle }, now);
  }

  /** What an operator may do for the reporter on the phone: the reporter's own actions, by the same rules. */
  async reporterActionsById(reportId: string, now: Date = this.clock.now()): Promise<CitizenAction[]> {
    const q = this.tickets.manager;
    const ticket = await this.tickets.byId(reportId);
    if (!ticket) return [];
    const ratedThisCycle = await this.tickets.ratedInCycle(q, ticket.id, ticketCycle(await this.tickets.reopenings(q, ticket.id)));
    return citizenActions({ status: ticket.status, resolvedAt: ticket.resolvedAt, ratedThisCycle }, now);
  }

  /**
   * A call-centre operator acts for a reporter on the phone (no web link): the same rules as the
   * reporter's own action, recorded in the timeline with the operator as actor, on behalf of the
   * reporter.
   */
  async actForReporter(
    reportId: string,
    action: 'reply' | 'reject' | 'rate',
    input: { message?: string; rating?: number; comment?: string },
    operator: Principal,
  ): Promise<ActionResult> {
    if (operator.role !== 'operator') throw TicketsException.notFound(reportId);
    const actor = { userId: operator.userId, role: operator.role, onBehalfOf: 'reporter' as const };
    return this.tickets.transaction(async (tx) => {
      const ticket = await this.tickets.lock(tx, { id: reportId });
      if (!ticket) throw TicketsException.notFound(reportId);
      if (action === 'reply')
        return this.apply(tx, ticket, 'citizen_reply', { publicMessage: input.message, version: ticket.version }, actor);
      if (action === 'reject') return this.reopenFor(tx, ticket, input.message!, actor);
      return this.rateFor(tx, ticket, input.rating!, input.comment, actor);
    });
  }

  /** Every reporter action goes through here: the ticket locked, the secret checked, then the work (invariant 7). */
  private asReporter(
    code: string,
    secret: string | undefined,
    work: (tx: EntityManager, ticket: TicketRow) => Promise<ActionResult>,
  ): Promise<ActionResult> {
    if (!secret) throw TicketsException.reporterSecretRequired();
    return this.tickets.transaction(async (tx) => {
      const ticket = await this.tickets.lock(tx, { code });
      if (!ticket) throw TicketsException.notFound(code);
      if (!(await this.reporterAccess.mayAct(tx, ticket.id, secret))) throw TicketsException.reporterSecretInvalid();
      return work(tx, ticket);
    });
  }

  private reopenFor(tx: EntityManager, ticket: TicketRow, reason: string, actor: Actor | null): Promise<ActionResult> {
    if (ticket.status === 'resolved' && !mayReject(ticket, this.clock.now())) throw TicketsException.rejectWindowClosed();
    return this.apply(tx, ticket, 'reopen', { publicMessage: reason, version: ticket.version }, actor);
  }

  private async rateFor(
    tx: EntityManager,
    ticket: TicketRow,
    rating: number,
    comment: string | undefined,
    actor: Actor | null,
  ): Promise<ActionResult> {
    if (!ANSWERED_STATUSES.includes(ticket.status)) throw TicketsException.notRateable(ticket.status);
    const cycle = ticketCycle(await this.tickets.reopenings(tx, ticket.id));
    const eventId = await this.record.appendEvent(tx, {
      reportId: ticket.id,
      type: 'rated',
      actorUserId: actor?.userId ?? null,
      actorRole: actor?.role ?? 'citizen',
      fromStatus: ticket.status,
      toStatus: null,
      isPublic: true,
      message: null,
      data: { rating, cycle, ...(actor ? { onBehalfOf: actor.onBehalfOf } : {}) },
      personal: comment ? { comment } : undefined,
    });
    // The key (report, cycle) holds even against a concurrent rating: the loser rolls back.
    if (!(await this.tickets.claimRating(tx, ticket.id, cycle, eventId))) throw TicketsException.alreadyRated(cycle);
    if (ticket.status === 'resolved') return this.apply(tx, ticket, 'close', { version: ticket.version }, actor);
    return {
      id: ticket.id,
      code: ticket.code,
      status: ticket.status,
      version: ticket.version,
      allowedActions: allowedActions(ticket.status),
    };
  }

  async note(reportId: string, message: string, actor: Principal): Promise<{ id: string }> {
    return this.tickets.transaction(async (tx) => {
      const ticket = await this.tickets.lock(tx, { id: reportId });
      if (!ticket || !mayAct(actor, ticket)) throw TicketsException.notFound(reportId);
      const id = await this.record.appendEvent(tx, {
        reportId,
        type: 'note',
        actorUserId: actor.userId,
        actorRole: actor.role,
        fromStatus: ticket.status,
        toStatus: null,
        isPublic: false,
        message,
      });
      return { id };
    });
  }

  private async apply(
    tx: EntityManager,
    ticket: TicketRow,
    action: TicketAction,
    input: ActionInput,
    actor: Actor | null,
  ): Promise<ActionResult> {
    let to: ReportStatus;
    try {
      to = nextStatus(ticket.status, action);
    } catch (err) {
      if (err instanceof IllegalTransitionError) throw TicketsException.illegal(err.status, err.action, err.allowed);
      throw err;
    }
    const version = await this.record.setStatus(tx, ticket.id, input.version, to, {
      resolved: to === 'resolved',
      closed: to === 'closed',
      acknowledged: action === 'accept',
      masterId: action === 'merge' ? input.masterId : undefined,
    });
    if (version === null) throw TicketsException.stale(ticket.version);
    const eventId = await this.record.appendEvent(tx, {
      reportId: ticket.id,
      type: EVENT_TYPE[action],
      actorUserId: actor?.userId ?? null,
      actorRole: actor?.role ?? 'citizen',
      fromStatus: ticket.status,
      toStatus: to,
      isPublic: true,
      message: input.publicMessage ?? null,
      data: { ...(action === 'merge' ? { masterId: input.masterId } : {}), ...(actor?.onBehalfOf ? { onBehalfOf: actor.onBehalfOf } : {}) },
    });
    if (input.internalNote) {
      await this.record.appendEvent(tx, {
        reportId: ticket.id,
        type: 'note',
        actorUserId: actor?.userId ?? null,
        actorRole: actor?.role ?? null,
        fromStatus: to,
        toStatus: null,
        isPublic: false,
        message: input.internalNote,
      });
    }
    if (input.photos?.length) {
      const claimed = await this.tickets.claimResolutionPhotos(tx, ticket.id, eventId, [...new Set(input.photos)]);
      if (claimed !== new Set(input.photos).size) throw TicketsException.unknownUpload();
    }
    const effect = CLOCK_EFFECTS[action];
    const now = this.clock.now();
    if (effect.stop) await this.sla.transition(tx, ticket.id, effect.stop, 'stop', now);
    if (effect.pause) await this.sla.transition(tx, ticket.id, effect.pause, 'pause', now);
    if (effect.resume) await this.sla.transition(tx, ticket.id, effect.resume, 'resume', now);
    if (effect.restartResolution) await this.sla.restartResolution(tx, ticket.id, now);
    await this.tellCitizen(tx, ticket, to, eventId);
    return { id: ticket.id, code: ticket.code, status: to, version, allowedActions: allowedActions(to) };
  }

  /** Every public change is announced to a reporter who left an address (recorded by the notification port). */
  private async tellCitizen(tx: EntityManager, ticket: TicketRow, status: ReportStatus, eventId: string): Promise<void> {
    const recipients = [
      ticket.reporterEmail ? { channel: 'email' as const, to: ticket.reporterEmail } : null,
      ticket.reporterPhone ? { channel: 'sms' as const, to: ticket.reporterPhone } : null,
    ].filter((r): r is { channel: 'email' | 'sms'; to: string } => r !== null);
    await this.notifications.recordMany(
      tx,
      recipients.map((r) => ({
        reportId: ticket.id,
        channel: r.channel,
        recipient: r.to,
        unitId: null,
        template: `citizen.status.${status}`,
        payload: { code: ticket.code, status, eventId },
        dedupeKey: `citizen:${eventId}:${r.channel}`,
      })),
    );
  }
}

/** Officials act only on their unit's tickets; admins on any (invariant 4). */
function mayAct(actor: Principal, ticket: TicketRow): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'ward_official' && actor.role !== 'department_official') return false;
  return canTouch(ticketScope(actor), ticket.assignedUnitId);
}

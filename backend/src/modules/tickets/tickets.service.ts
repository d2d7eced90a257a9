import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { canTouch, ticketScope } from '../auth/access-scope';
import type { Principal } from '../auth/principal';
import { NotificationsService } from '../notifications/notifications.service';
import type { ReportStatus } from '../reports/report.entity';
import { SlaService } from '../sla/sla.service';
import { allowedActions, CLOCK_EFFECTS, IllegalTransitionError, nextStatus, TicketAction } from './ticket-state-machine';
import { TicketsException } from './tickets.exception';
import { TicketRow, TicketsRepository } from './tickets.repository';

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
const REJECT_WINDOW_MS = 7 * 86_400_000;

export interface ActionInput {
  version: number;
  publicMessage?: string;
  internalNote?: string;
  photos?: string[];
  masterId?: string;
}

export interface ActionResult {
  id: string;
  code: string;
  status: ReportStatus;
  version: number;
  allowedActions: TicketAction[];
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
    private readonly sla: SlaService,
    private readonly notifications: NotificationsService,
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
        if (!master || !['new', 'assigned', 'in_progress', 'waiting_citizen', 'reopened'].includes(master.status)) throw TicketsException.badMaster();
        await this.tickets.followMaster(tx, master.id, 1);
      }
      return result;
    });
  }

  /** The citizen answers a request for more information (by tracking code, no login). */
  citizenReply(code: string, message: string): Promise<ActionResult> {
    return this.byCode(code, 'citizen_reply', { publicMessage: message });
  }

  /** The citizen does not accept the answer: within 7 days of resolution the ticket reopens. */
  citizenReject(code: string, reason: string): Promise<ActionResult> {
    return this.byCode(code, 'reopen', { publicMessage: reason }, (t) => {
      if (!t.resolvedAt || Date.now() - new Date(t.resolvedAt).getTime() > REJECT_WINDOW_MS) throw TicketsException.rejectWindowClosed();
    });
  }

  /** The citizen rates the answer; a resolved ticket is then closed. */
  async rate(code: string, rating: number, comment: string | undefined): Promise<ActionResult> {
    return this.tickets.transaction(async (tx) => {
      const ticket = await this.tickets.lock(tx, { code });
      if (!ticket || !['resolved', 'closed'].includes(ticket.status)) throw TicketsException.notFound(code);
      await this.tickets.insertEvent(tx, { reportId: ticket.id, type: 'rated', actorUserId: null, actorRole: 'citizen', fromStatus: ticket.status, toStatus: null, isPublic: true, message: null, data: { rating, comment: comment ?? null } });
      if (ticket.status === 'resolved') return this.apply(tx, ticket, 'close', { version: ticket.version }, null);
      return { id: ticket.id, code: ticket.code, status: ticket.status, version: ticket.version, allowedActions: allowedActions(ticket.status) };
    });
  }

  async note(reportId: string, message: string, actor: Principal): Promise<{ id: string }> {
    return this.tickets.transaction(async (tx) => {
      const ticket = await this.tickets.lock(tx, { id: reportId });
      if (!ticket || !mayAct(actor, ticket)) throw TicketsException.notFound(reportId);
      const id = await this.tickets.insertEvent(tx, { reportId, type: 'note', actorUserId: actor.userId, actorRole: actor.role, fromStatus: ticket.status, toStatus: null, isPublic: false, message });
      return { id };
    });
  }

  private byCode(code: string, action: TicketAction, input: Omit<ActionInput, 'version'>, check?: (t: TicketRow) => void): Promise<ActionResult> {
    return this.tickets.transaction(async (tx) => {
      const ticket = await this.tickets.lock(tx, { code });
      if (!ticket) throw TicketsException.notFound(code);
      check?.(ticket);
      return this.apply(tx, ticket, action, { ...input, version: ticket.version }, null);
    });
  }

  private async apply(tx: EntityManager, ticket: TicketRow, action: TicketAction, input: ActionInput, actor: { userId: string; role: string } | null): Promise<ActionResult> {
    let to: ReportStatus;
    try {
      to = nextStatus(ticket.status, action);
    } catch (err) {
      if (err instanceof IllegalTransitionError) throw TicketsException.illegal(err.status, err.action, err.allowed);
      throw err;
    }
    const version = await this.tickets.setStatus(tx, ticket.id, input.version, to, {
      resolved: to === 'resolved',
      closed: to === 'closed',
      acknowledged: action === 'accept',
      masterId: action === 'merge' ? input.masterId : undefined,
    });
    if (version === null) throw TicketsException.stale(ticket.version);
    const eventId = await this.tickets.insertEvent(tx, {
      reportId: ticket.id,
      type: EVENT_TYPE[action],
      actorUserId: actor?.userId ?? null,
      actorRole: actor?.role ?? 'citizen',
      fromStatus: ticket.status,
      toStatus: to,
      isPublic: true,
      message: input.publicMessage ?? null,
      data: action === 'merge' ? { masterId: input.masterId } : {},
    });
    if (input.internalNote) {
      await this.tickets.insertEvent(tx, { reportId: ticket.id, type: 'note', actorUserId: actor?.userId ?? null, actorRole: actor?.role ?? null, fromStatus: to, toStatus: null, isPublic: false, message: input.internalNote });
    }
    if (input.photos?.length) {
      const claimed = await this.tickets.claimResolutionPhotos(tx, ticket.id, eventId, [...new Set(input.photos)]);
      if (claimed !== new Set(input.photos).size) throw TicketsException.unknownUpload();
    }
    const effect = CLOCK_EFFECTS[action];
    const now = new Date();
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

import type { Ticket, TicketAction } from './workbenchQueries';

type StateAction = Ticket['allowedActions'][number];

/**
 * The URL segment of each action of the ticket state machine that an official takes; the
 * citizen's reply has none (the reporter sends it from the tracking page).
 */
const SEGMENT: Record<StateAction, TicketAction | null> = {
  accept: 'accept',
  request_info: 'request-info',
  citizen_reply: null,
  resolve: 'resolve',
  reopen: 'reopen',
  close: 'close',
  reject: 'reject',
  merge: 'merge',
};

/** The buttons of a ticket: what the server says its state allows, in the server's order. */
export function officialActions(ticket: Pick<Ticket, 'allowedActions'>): TicketAction[] {
  return ticket.allowedActions.flatMap((action) => SEGMENT[action] ?? []);
}

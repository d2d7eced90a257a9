import { apiRequest } from '../api/httpClient';
import type { ActionBody, ActionResult, QueueItem, Ticket, TicketAction } from './workbenchTypes';

/** The queue is one page of at most 500 tickets; a unit with more works the most urgent first anyway. */
export const QUEUE_LIMIT = 500;

export function fetchQueue(unitId: string, token: string, signal: AbortSignal): Promise<QueueItem[]> {
  return apiRequest<QueueItem[]>(`/units/${encodeURIComponent(unitId)}/queue?limit=${QUEUE_LIMIT}&offset=0`, { token, signal });
}

export function fetchTicket(id: string, token: string, signal: AbortSignal): Promise<Ticket> {
  return apiRequest<Ticket>(`/reports/${encodeURIComponent(id)}`, { token, signal });
}

export { fetchUnits } from '../api/units';

export function postAction(id: string, action: TicketAction, body: ActionBody, token: string): Promise<ActionResult> {
  return apiRequest<ActionResult>(`/reports/${encodeURIComponent(id)}/actions/${action}`, { method: 'POST', body, token });
}

export function postNote(id: string, message: string, token: string): Promise<{ id: string }> {
  return apiRequest<{ id: string }>(`/reports/${encodeURIComponent(id)}/notes`, { method: 'POST', body: { message }, token });
}

export function postTransfer(id: string, unitId: string, reason: string, token: string): Promise<unknown> {
  return apiRequest<unknown>(`/reports/${encodeURIComponent(id)}/transfer`, { method: 'POST', body: { unitId, reason }, token });
}

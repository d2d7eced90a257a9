import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, type Schemas } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import type { operations } from '../api/schema';

/** The queue is one page of at most 500 tickets; a unit with more works the most urgent first anyway. */
export const QUEUE_LIMIT = 500;

export type QueueItem = Schemas['QueueItem'];
/** GET /reports/:id as staff see it (within their unit's scope), with what may be done with it now. */
export type Ticket = Schemas['StaffReport'];
export type ActionResult = Schemas['TicketActionResult'];
export type ActionBody = Schemas['TicketActionRequest'];
/** An official's action as the URL segment of POST /reports/:id/actions/:action. */
export type TicketAction = operations['TicketsController_act']['parameters']['path']['action'];

/** The open tickets of a unit, most urgent deadline first; waits while there is no unit. */
export function useQueue(unitId: string | null) {
  return useQuery({
    queryKey: queryKeys.queue(unitId ?? ''),
    queryFn: ({ signal }) =>
      data(
        api.GET('/api/v1/units/{id}/queue', { params: { path: { id: unitId ?? '' }, query: { limit: QUEUE_LIMIT, offset: 0 } }, signal }),
      ),
    enabled: unitId !== null,
  });
}

export function useTicket(id: string) {
  return useQuery({
    queryKey: queryKeys.report(id),
    queryFn: ({ signal }) => data(api.GET('/api/v1/reports/{id}', { params: { path: { id } }, signal })),
  });
}

/** Whatever changes a ticket changes the queues and every view of it: they reload in the background. */
function useTicketsChanged() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: queryKeys.tickets() });
}

export function useTicketAction(ticketId: string) {
  const changed = useTicketsChanged();
  return useMutation({
    mutationFn: ({ action, body }: { action: TicketAction; body: ActionBody }) =>
      data(api.POST('/api/v1/reports/{id}/actions/{action}', { params: { path: { id: ticketId, action } }, body })),
    onSuccess: changed,
  });
}

export function useTicketNote(ticketId: string) {
  const changed = useTicketsChanged();
  return useMutation({
    mutationFn: (message: string) =>
      data(api.POST('/api/v1/reports/{id}/notes', { params: { path: { id: ticketId } }, body: { message } })),
    onSuccess: changed,
  });
}

export function useTicketTransfer(ticketId: string) {
  const changed = useTicketsChanged();
  return useMutation({
    mutationFn: (body: { unitId: string; reason: string }) =>
      data(api.POST('/api/v1/reports/{id}/transfer', { params: { path: { id: ticketId } }, body })),
    onSuccess: changed,
  });
}

import { ApiError } from '../api/apiError';
import type { TicketAction } from './workbenchQueries';

/** The citizen must be told in words why (tickets.service NEEDS_PUBLIC_MESSAGE). */
export function needsPublicMessage(action: TicketAction): boolean {
  return action === 'request-info' || action === 'resolve' || action === 'reject';
}

export const MIN_PUBLIC_MESSAGE = 5;

export type ActionProblem =
  | { kind: 'stale' }
  | { kind: 'illegal' }
  | { kind: 'gone' }
  | { kind: 'field'; field: string; message: string }
  | { kind: 'network' }
  | { kind: 'server'; status: number; message: string };

/** Sorts a failed request into what the form tells the official. */
export function actionProblemOf(error: unknown, vietnamese: boolean): ActionProblem {
  if (!(error instanceof ApiError) || error.status === 0) return { kind: 'network' };
  if (error.status === 409 && error.code === 'tickets.stale_version') return { kind: 'stale' };
  if (error.status === 409) return { kind: 'illegal' };
  if (error.status === 404) return { kind: 'gone' };
  if (error.status === 400 || error.status === 422) {
    const issue = error.issues[0];
    if (issue) return { kind: 'field', field: issue.field, message: vietnamese && issue.messageVi ? issue.messageVi : issue.message };
  }
  return { kind: 'server', status: error.status, message: error.message };
}

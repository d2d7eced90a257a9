import { ApiError } from '../api/apiError';

export type CitizenProblem = 'network' | 'changed' | 'windowClosed' | 'noSecret' | 'invalid' | 'throttled' | 'server';

/** What the citizen is told when an answer, a rejection or a rating is refused. */
export function citizenProblemOf(error: unknown): CitizenProblem {
  if (!(error instanceof ApiError) || error.status === 0) return 'network';
  if (error.code === 'tickets.reject_window_closed') return 'windowClosed';
  if (error.status === 401 || error.status === 403) return 'noSecret';
  // The ticket moved on meanwhile (the official acted, or the answer was already sent).
  if (error.status === 409 || error.status === 404) return 'changed';
  if (error.status === 400 || error.status === 422) return 'invalid';
  if (error.status === 429) return 'throttled';
  return 'server';
}

import type { CategoryRef, WardRef } from '../api/intakeQueries';

/** How a call ended: a new ticket, or the call recorded on an existing one. Both give a code to read back. */
export type CallOutcome =
  | { kind: 'created'; code: string; category: CategoryRef; ward: WardRef; trackingUrl: string; elapsedMs: number }
  | { kind: 'attached'; code: string; followerCount: number; category: CategoryRef | null; ward: WardRef | null; elapsedMs: number };

/**
 * The staff form for a personal-data request that came by phone, letter or in person (Law
 * 91/2025/QH15): pure rules of what it sends and what it asks for first.
 */

export const REQUEST_KINDS = ['access', 'erasure'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** The channels staff record; the citizen's own (web link, e-mailed code) the API records itself. */
export const STAFF_CHANNELS = ['phone', 'letter', 'in_person'] as const;
export type StaffChannel = (typeof STAFF_CHANNELS)[number];

/** Admins record a request from any channel; a call-centre operator only the calls they take (the API holds the same rule). */
export function channelsFor(audience: string): readonly StaffChannel[] {
  if (audience === 'admin') return STAFF_CHANNELS;
  if (audience === 'operator') return ['phone'];
  return [];
}

const SEPARATORS = /[\n,;]+/;

/** Phone numbers or e-mail addresses typed one per line or separated by commas: each once, in the order typed. */
export function splitContacts(typed: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of typed.split(SEPARATORS)) {
    const value = part.trim();
    const key = value.toLowerCase();
    if (value === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

export interface RequestDraft {
  kind: RequestKind;
  channel: StaffChannel;
  phones: string;
  emails: string;
  name: string;
  identityCheck: string;
  reason: string;
}

export type DraftField = 'kind' | 'channel' | 'phones' | 'emails' | 'name' | 'identityCheck' | 'reason';

/**
 * The fields still empty that a request needs before it is sent: how the subject's identity was
 * checked, why, and at least one phone number or e-mail address to find their data by. The API
 * checks the rest (number and address formats) and names the field.
 */
export function missingFields(draft: RequestDraft): DraftField[] {
  const missing: DraftField[] = [];
  if (splitContacts(draft.phones).length === 0 && splitContacts(draft.emails).length === 0) missing.push('phones');
  if (draft.identityCheck.trim() === '') missing.push('identityCheck');
  if (draft.reason.trim() === '') missing.push('reason');
  return missing;
}

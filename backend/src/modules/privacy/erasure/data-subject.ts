/**
 * Who an erasure is about and what it did (Law 91/2025/QH15, Decree 13/2023/ND-CP: the right to
 * have one's personal data erased). The citizen and admin requests build a `DataSubject` once the
 * person is verified and call `PersonalDataErasureService.eraseSubject`.
 */
export interface DataSubject {
  /** Normalised as the intake normalises them (`normalizePhone`: 0xxxxxxxxx). */
  phones: string[];
  emails: string[];
  names: string[];
  reportIds: string[];
}

export interface ErasureContext {
  requestId: string | null;
  reason: string;
  actorUserId: string | null;
}

export interface ErasureOutcome {
  /** The subject's reports: given, or carrying the subject's phone or e-mail as the reporter's. */
  reports: number;
  /** Contact values blanked and rows holding them deleted (reporter fields, callers, secrets). */
  fieldsBlanked: number;
  /** Free texts rewritten with the marker (descriptions, addresses, answers, notes, timeline). */
  textsRedacted: number;
  photosDeleted: number;
  jobsPurged: number;
  /** Messages to the subject whose recipient was blanked (queued ones are cancelled). */
  notificationsPurged: number;
}

/**
 * The erasure of one data subject, as this module calls it (modules/privacy/erasure does it):
 * every phone, address and name of the subject, and the reports they filed. The call must be
 * idempotent — a retry after a crash erases what is left and changes nothing else.
 */
export interface DataSubject {
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
  reports: number;
  fieldsBlanked: number;
  textsRedacted: number;
  photosDeleted: number;
  jobsPurged: number;
  notificationsPurged: number;
}

export interface SubjectEraser {
  eraseSubject(subject: DataSubject, context: ErasureContext): Promise<ErasureOutcome>;
}

export const SUBJECT_ERASER = Symbol('SUBJECT_ERASER');

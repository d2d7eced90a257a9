/**
 * Every place the system can hold personal data (Law 91/2025/QH15 on Personal Data Protection,
 * Decree 13/2023/ND-CP): database columns, file stores, Redis keys, queue payloads, logs and the
 * browser's storage, each with why it is held, on which legal basis, for how long (a retention
 * policy) and what erasure does to it. Retention, erasure and the scans of what leaves the system
 * are driven by this list; a change that stores personal data somewhere new registers it here in
 * the same change (personal-data-registry.int-spec.ts fails on a personal-looking column that is
 * in neither list). docs/privacy.md is the readable form of it.
 */

/** What sort of personal data it is. */
export type PersonalDataKind =
  | 'contact' // a name, phone number or e-mail address given to be reached
  | 'identity' // who a staff member is (account)
  | 'free_text' // text typed by a citizen or staff that may name or describe a person
  | 'location' // where a citizen was or lives
  | 'photo' // pictures that may show faces, plates, homes
  | 'network' // IP addresses and browser descriptions
  | 'pseudonymous' // a hash or digest that only links to a person with the original
  | 'device'; // a random id a browser keeps

/** Why it may be processed (Law 91/2025 art. 19 and Decree 13/2023 art. 11, 17). */
export type LegalBasis =
  | 'consent' // the reporter's consent at filing
  | 'public_task' // a state body performing its duty (handling citizens' reports, Law on Complaints/Denunciations)
  | 'legal_obligation' // a record the law requires (audit of access to personal data)
  | 'contract'; // the staff member's employment

/**
 * What erasure and retention do: `blank` sets the value to null (or ''), `anonymise` replaces it
 * with a value that keeps figures true but no longer points at the person (redacted text, a
 * snapped point), `delete` removes the row or object, `keep` keeps it — with the reason.
 */
export type ErasureAction = 'blank' | 'anonymise' | 'delete' | 'keep';

/**
 * The retention policies. Those with a `setting` are applied by the retention job
 * (modules/privacy) after that many days; the others end by themselves (`expiresBy`), or are
 * applied elsewhere as said.
 */
export const RETENTION_POLICIES = {
  reporterContact: {
    setting: 'RETENTION_REPORTER_CONTACT_DAYS',
    applies: 'reporter name, phone and e-mail on a report, this many days after the report ended (resolved, closed, rejected, merged)',
  },
  callerNumbers: {
    setting: 'RETENTION_CALLER_NUMBERS_DAYS',
    applies: 'callers an operator attached to a report, this many days after the report ended',
  },
  notificationLog: {
    setting: 'RETENTION_NOTIFICATION_LOG_DAYS',
    applies: 'the recipient address of a message to a citizen, this many days after it was sent or given up',
  },
  closedTicketPhotos: {
    setting: 'RETENTION_CLOSED_TICKET_PHOTOS_DAYS',
    applies: "citizens' photos of a report, this many days after the report ended (the resolution photos are the public answer and stay)",
  },
  loginRecords: {
    setting: 'RETENTION_LOGIN_RECORDS_DAYS',
    applies: 'the address and browser of a staff session, this many days after the session ended',
  },
  auditPersonal: {
    setting: 'RETENTION_AUDIT_PERSONAL_DAYS',
    applies:
      'numbers searched in the caller history and addresses of sign-ins (audit_event_personal), this many days after the event; the event itself stays',
  },
  ticketTimelineText: {
    setting: null,
    applies:
      'notes, replies, reasons and comments typed on the timeline (report_event_personal): kept with the ticket; an erasure masks the subject’s values in them',
  },
  ticketText: {
    setting: null,
    applies: 'the description, address and exact point of a report: kept with the ticket, masked on every public surface',
  },
  staffAccount: {
    setting: null,
    applies: 'staff accounts while they exist (disabled, not deleted, so the audit trail keeps naming who acted)',
  },
  unclaimedUploads: {
    setting: null,
    applies: 'photos uploaded but never attached to a report: deleted after a day (UNCLAIMED_UPLOAD_TTL_MS)',
  },
  privacyRequests: {
    setting: null,
    applies:
      'a data subject’s request (privacy_request): the phones, addresses and names it names while it is open; once completed or rejected only keyed digests of them stay, with the dates, as the proof that it was answered',
  },
  erasureLog: {
    setting: null,
    applies:
      'the erasure log: kept while a backup taken before an erasure may still be restored (the backup retention, 35 days recommended); append-only',
  },
  expiresBy: { setting: null, applies: 'ends by itself: a Redis expiry, a token lifetime, the browser tab, or the log store’s rotation' },
} as const;
export type RetentionPolicyName = keyof typeof RETENTION_POLICIES;

/** Where the data sits. */
export type PersonalDataStore =
  | { store: 'column'; table: string; column: string }
  | { store: 'files'; name: string; rows: string }
  | { store: 'redis'; key: string }
  | { store: 'queue'; queue: string; job: string }
  | { store: 'log'; name: string }
  | { store: 'browser'; key: string };

/**
 * How erasure of one data subject (modules/privacy/erasure) finds the rows of a column or file
 * store that are the subject's:
 * - `reporter`: a report of the subject's (given, or filed with the subject's phone or e-mail);
 * - `report`: a row belonging to one of those reports;
 * - `caller`: a caller row with the subject's phone number;
 * - `recipient`: a message to the subject's phone or e-mail, or to the reporter of their report.
 * Free text (`anonymise`, or `free_text` not kept) is searched everywhere for the subject's own
 * values, and on the subject's reports also for the public pages' patterns.
 */
export type SubjectLink = 'reporter' | 'report' | 'caller' | 'recipient';

export type PersonalDataEntry = PersonalDataStore & {
  /** Which rows are a data subject's, for the entries erasure acts on by row. */
  subject?: SubjectLink;
  kind: PersonalDataKind;
  purpose: string;
  basis: LegalBasis;
  retention: RetentionPolicyName;
  erasure: ErasureAction;
  /** Why it is kept (required for `keep`), or how the action is done. */
  note?: string;
};

const col = (table: string, column: string, e: Omit<PersonalDataEntry, keyof PersonalDataStore>): PersonalDataEntry => ({
  store: 'column',
  table,
  column,
  ...e,
});

const REPORTER = { basis: 'consent', retention: 'reporterContact', erasure: 'blank', subject: 'reporter' } as const;
const SESSION = { basis: 'contract', retention: 'loginRecords', erasure: 'blank' } as const;
const PRIVACY_REQUEST = { basis: 'legal_obligation', retention: 'privacyRequests' } as const;

export const PERSONAL_DATA: readonly PersonalDataEntry[] = [
  // A report: the reporter's contact, given with consent, to be answered and asked for more.
  col('report', 'reporter_name', { ...REPORTER, kind: 'contact', purpose: 'to address the reporter' }),
  col('report', 'reporter_phone', { ...REPORTER, kind: 'contact', purpose: 'to answer and call back; caller history' }),
  col('report', 'reporter_email', { ...REPORTER, kind: 'contact', purpose: 'to send the answer and status changes' }),
  col('report', 'description', {
    kind: 'free_text',
    purpose: 'what the problem is',
    basis: 'public_task',
    retention: 'ticketText',
    erasure: 'anonymise',
    note: 'the ticket stays; erasure masks the subject’s own values and the public redaction patterns (phones, e-mails, ID and plate numbers); public surfaces mask both too (redact-own-values.ts)',
  }),
  col('report', 'address', {
    kind: 'location',
    purpose: 'where the problem is',
    basis: 'public_task',
    retention: 'ticketText',
    erasure: 'anonymise',
    note: 'masked like the description; public pages show it only for public-place categories of reporters who did not hide',
  }),
  col('report', 'point', {
    kind: 'location',
    purpose: 'where the problem is, for routing and the maps',
    basis: 'public_task',
    retention: 'ticketText',
    erasure: 'keep',
    note: 'the place of a problem, not of a person; public maps show it snapped to ~150 m cells of at least 5 reports; the figures need it',
  }),
  col('report', 'point_3857', {
    kind: 'location',
    purpose: 'the same point in web-mercator for tiles',
    basis: 'public_task',
    retention: 'ticketText',
    erasure: 'keep',
    note: 'generated from `point`',
  }),
  col('report', 'attributes', {
    kind: 'free_text',
    purpose: "answers to the category's questions",
    basis: 'public_task',
    retention: 'ticketText',
    erasure: 'anonymise',
    note: 'free-text answers are masked like the description',
  }),
  // Callers an operator attached to an existing ticket.
  col('report_caller', 'phone', {
    kind: 'contact',
    purpose: 'to call the caller back; caller history',
    basis: 'consent',
    retention: 'callerNumbers',
    erasure: 'delete',
    subject: 'caller',
    note: 'the caller row goes; the report keeps its follower count',
  }),
  col('report_caller', 'name', {
    kind: 'contact',
    purpose: 'to address the caller',
    basis: 'consent',
    retention: 'callerNumbers',
    erasure: 'delete',
    subject: 'caller',
  }),
  col('report_caller', 'note', {
    kind: 'free_text',
    purpose: "the operator's note of the call",
    basis: 'consent',
    retention: 'callerNumbers',
    erasure: 'delete',
    subject: 'caller',
    note: "the subject's own row goes; other callers' notes have the subject's values masked",
  }),
  // The timeline: the skeleton (report_event) is append-only; its free text sits beside it.
  col('report_event_personal', 'message', {
    kind: 'free_text',
    purpose: 'notes, replies, reasons, requests for more, public answers and citizens’ comments on the timeline',
    basis: 'public_task',
    retention: 'ticketTimelineText',
    erasure: 'anonymise',
    note: 'rewritten only by redact_report_event_personal (role hcmc1022_eraser), which records each call; public pages mask it',
  }),
  col('report_event_personal', 'data', {
    kind: 'free_text',
    purpose: 'personal details of an event: a rating’s comment, the reason given for viewing a reporter’s contact',
    basis: 'public_task',
    retention: 'ticketTimelineText',
    erasure: 'anonymise',
    note: 'as `message`; readers merge it into the event’s data',
  }),
  col('report_event', 'data', {
    kind: 'free_text',
    purpose: 'details of an event: a rating, a unit, a rule, which personal fields were recorded or viewed (names, never values)',
    basis: 'public_task',
    retention: 'ticketTimelineText',
    erasure: 'keep',
    note: 'append-only; no contact value and no typed text (those are in report_event_personal)',
  }),
  // Photos.
  {
    store: 'files',
    name: 'local photo files (STORAGE_DRIVER=local, under STORAGE_DIR), citizen photos',
    rows: "attachment WHERE kind = 'citizen'",
    kind: 'photo',
    purpose: 'to show the problem',
    basis: 'consent',
    retention: 'closedTicketPhotos',
    erasure: 'delete',
    subject: 'report',
    note: 'row deleted, then the object through the storage interface once the erasure committed',
  },
  {
    store: 'files',
    name: 'S3 objects (STORAGE_DRIVER=s3, bucket S3_BUCKET), citizen photos',
    rows: "attachment WHERE kind = 'citizen'",
    kind: 'photo',
    purpose: 'to show the problem',
    basis: 'consent',
    retention: 'closedTicketPhotos',
    erasure: 'delete',
    note: 'the same attachment rows as the entry above, whose erasure deletes the object through the storage interface (DeleteObject here); a bucket with versioning keeps deleted versions, so its lifecycle rule must expire noncurrent versions (docs/operations.md)',
  },
  {
    store: 'files',
    name: 'attachment storage, resolution photos',
    rows: "attachment WHERE kind = 'resolution'",
    kind: 'photo',
    purpose: "the unit's public answer",
    basis: 'public_task',
    retention: 'ticketText',
    erasure: 'keep',
    note: 'taken by the unit as its answer; metadata stripped on upload',
  },
  {
    store: 'files',
    name: 'attachment storage (local files or S3 objects), unclaimed uploads',
    rows: 'upload WHERE claimed_at IS NULL',
    kind: 'photo',
    purpose: 'a photo of a form still being filled in',
    basis: 'consent',
    retention: 'unclaimedUploads',
    erasure: 'delete',
  },
  col('upload', 'storage_key', {
    kind: 'photo',
    purpose: 'where an unclaimed upload is stored',
    basis: 'consent',
    retention: 'unclaimedUploads',
    erasure: 'delete',
  }),
  col('attachment', 'storage_key', {
    kind: 'photo',
    purpose: 'where the photo is stored',
    basis: 'consent',
    retention: 'closedTicketPhotos',
    erasure: 'delete',
    note: 'the row goes with its file',
  }),
  // Messages.
  col('notification', 'recipient', {
    kind: 'contact',
    purpose: "the reporter's address a message went to (units' addresses are not personal)",
    basis: 'consent',
    retention: 'notificationLog',
    erasure: 'blank',
    subject: 'recipient',
    note: "set to '' once delivered or given up (erasure: at once, and a message still queued is given up); the row stays as the record that a message was sent",
  }),
  col('notification', 'payload', {
    kind: 'pseudonymous',
    purpose: 'what the message says: codes, statuses, ids',
    basis: 'public_task',
    retention: 'ticketText',
    erasure: 'keep',
    note: 'ids and codes only, never contact values',
  }),
  col('reporter_secret', 'secret_hash', {
    kind: 'pseudonymous',
    purpose: 'lets the reporter act on the ticket (SHA-256 of the secret, never the secret)',
    basis: 'consent',
    retention: 'ticketText',
    erasure: 'delete',
    subject: 'report',
    note: 'useless without the secret the reporter holds; erasure removes the link to the reporter',
  }),
  col('idempotency_key', 'response', {
    kind: 'pseudonymous',
    purpose: 'the answer given to a filing, to repeat it on a retry',
    basis: 'public_task',
    retention: 'ticketText',
    erasure: 'keep',
    note: 'id and tracking code only; the secret of a replay is rotated, never stored',
  }),
  // The audit trail: the skeleton (audit_event) is append-only; its personal values sit beside it.
  col('audit_event_personal', 'subject', {
    kind: 'contact',
    purpose: 'the phone number an operator searched in the caller history: who looked whose number up',
    basis: 'legal_obligation',
    retention: 'auditPersonal',
    erasure: 'blank',
    note: 'blanked only by erase_audit_personal (retention) and erase_audit_personal_events (erasure on request, by event id), both of role hcmc1022_eraser, which record each call',
  }),
  col('audit_event_personal', 'ip', {
    kind: 'network',
    purpose: 'the address of a sign-in (succeeded, failed, throttled)',
    basis: 'legal_obligation',
    retention: 'auditPersonal',
    erasure: 'blank',
    note: 'as `subject`',
  }),
  col('audit_event', 'subject', {
    kind: 'identity',
    purpose:
      'what an audited action was about: `caller` for a search (the number is in audit_event_personal), an account, the username tried at sign-in',
    basis: 'legal_obligation',
    retention: 'staffAccount',
    erasure: 'keep',
    note: 'append-only; holds staff usernames and ids of configuration, never a citizen’s value',
  }),
  col('audit_event', 'data', {
    kind: 'identity',
    purpose: "details of an audited action: an account's before and after, the reports a search showed (ids)",
    basis: 'legal_obligation',
    retention: 'staffAccount',
    erasure: 'keep',
    note: 'append-only; staff accounts and ids only, the sign-in address is in audit_event_personal',
  }),
  // A data subject's requests (modules/privacy-requests): the proof of a verification, the token it
  // bought, and the request's record.
  col('privacy_verification', 'email_digest', {
    kind: 'pseudonymous',
    purpose: 'which address an e-mailed code was sent to (keyed HMAC-SHA-256, never the address)',
    basis: 'legal_obligation',
    retention: 'expiresBy',
    erasure: 'delete',
    note: 'deleted a day after the code expired',
  }),
  col('privacy_verification', 'code_hash', {
    kind: 'pseudonymous',
    purpose: 'the one-time code (keyed HMAC-SHA-256, made when the message is sent; never the code)',
    basis: 'legal_obligation',
    retention: 'expiresBy',
    erasure: 'delete',
    note: 'as `email_digest`',
  }),
  col('privacy_access', 'phones', {
    kind: 'contact',
    purpose: 'the phone numbers a data subject proved control of, for the token’s life',
    basis: 'legal_obligation',
    retention: 'expiresBy',
    erasure: 'delete',
    note: 'the row goes when the token is used for an erasure, and once expired when the next token is made',
  }),
  col('privacy_access', 'emails', {
    kind: 'contact',
    purpose: 'the addresses a data subject proved control of, for the token’s life',
    basis: 'legal_obligation',
    retention: 'expiresBy',
    erasure: 'delete',
    note: 'as `phones`',
  }),
  col('privacy_access', 'token_hash', {
    kind: 'pseudonymous',
    purpose: 'the access token (SHA-256 of 256 random bits, never the token)',
    basis: 'legal_obligation',
    retention: 'expiresBy',
    erasure: 'delete',
  }),
  col('privacy_request', 'subject_phones', {
    ...PRIVACY_REQUEST,
    kind: 'contact',
    purpose: 'whose data an open request is about',
    erasure: 'blank',
    note: 'blanked when the request is completed or rejected (a check constraint holds the table to it)',
  }),
  col('privacy_request', 'subject_emails', { ...PRIVACY_REQUEST, kind: 'contact', purpose: 'as `subject_phones`', erasure: 'blank' }),
  col('privacy_request', 'subject_name', {
    ...PRIVACY_REQUEST,
    kind: 'contact',
    purpose: 'the name a person gave with a request by phone, letter or at the desk',
    erasure: 'blank',
    note: 'as `subject_phones`',
  }),
  col('privacy_request', 'subject_names', {
    ...PRIVACY_REQUEST,
    kind: 'contact',
    purpose: 'the names on the subject’s reports and calls an erasure masks in texts',
    erasure: 'blank',
    note: 'as `subject_phones`',
  }),
  col('privacy_request', 'subject_digests', {
    ...PRIVACY_REQUEST,
    kind: 'pseudonymous',
    purpose: 'finds a person’s earlier requests again from the same phone or address (keyed HMAC-SHA-256)',
    erasure: 'keep',
    note: 'the proof that the request was answered; useless without the key and the identifier',
  }),
  col('privacy_request', 'subject_report_ids', {
    ...PRIVACY_REQUEST,
    kind: 'pseudonymous',
    purpose: 'the reports an erasure covered (ids)',
    erasure: 'keep',
    note: 'ids of tickets that stay, without the subject’s contact',
  }),
  col('privacy_request', 'reason', {
    ...PRIVACY_REQUEST,
    kind: 'free_text',
    purpose: 'why the request was made, as staff noted it',
    erasure: 'keep',
    note: 'staff are told to note the grounds, not the person’s details (docs/privacy.md)',
  }),
  col('privacy_request', 'reject_reason', {
    ...PRIVACY_REQUEST,
    kind: 'free_text',
    purpose: 'why a request was refused, as the admin wrote it',
    erasure: 'keep',
    note: 'as `reason`',
  }),
  col('privacy_request', 'identity_check', {
    ...PRIVACY_REQUEST,
    kind: 'free_text',
    purpose: 'how staff checked the person’s identity (which document was seen, the number called back)',
    erasure: 'keep',
    note: 'as `reason`: the kind of proof, not its number',
  }),
  // The erasure log: what to re-apply after a restore, without the erased values.
  col('erasure_log', 'actions', {
    kind: 'free_text',
    purpose: 're-applying erasures after a backup taken before them is restored',
    basis: 'legal_obligation',
    retention: 'erasureLog',
    erasure: 'keep',
    note: 'ids of the rows blanked or deleted, storage keys of deleted photos, and masked texts as they read after the erasure; never an erased value',
  }),
  // Staff.
  col('app_user', 'username', {
    kind: 'identity',
    purpose: 'sign-in and who acted',
    basis: 'contract',
    retention: 'staffAccount',
    erasure: 'keep',
    note: 'the audit trail names who acted',
  }),
  col('app_user', 'username_key', {
    kind: 'identity',
    purpose: 'the username in one normal form',
    basis: 'contract',
    retention: 'staffAccount',
    erasure: 'keep',
    note: 'as `username`',
  }),
  col('app_user', 'full_name', {
    kind: 'identity',
    purpose: 'who the official is',
    basis: 'contract',
    retention: 'staffAccount',
    erasure: 'keep',
    note: 'as `username`',
  }),
  col('app_user', 'email', { kind: 'contact', purpose: 'work address', basis: 'contract', retention: 'staffAccount', erasure: 'blank' }),
  col('app_user', 'phone', { kind: 'contact', purpose: 'work phone', basis: 'contract', retention: 'staffAccount', erasure: 'blank' }),
  col('app_user', 'password_hash', {
    kind: 'pseudonymous',
    purpose: 'sign-in (argon2)',
    basis: 'contract',
    retention: 'staffAccount',
    erasure: 'blank',
  }),
  col('app_user', 'totp_secret', {
    kind: 'pseudonymous',
    purpose: 'second factor',
    basis: 'contract',
    retention: 'staffAccount',
    erasure: 'blank',
  }),
  col('app_user', 'totp_pending_secret', {
    kind: 'pseudonymous',
    purpose: 'second factor being enrolled',
    basis: 'contract',
    retention: 'staffAccount',
    erasure: 'blank',
  }),
  col('user_recovery_code', 'code_hash', {
    kind: 'pseudonymous',
    purpose: 'one-time recovery codes (hashed)',
    basis: 'contract',
    retention: 'staffAccount',
    erasure: 'delete',
  }),
  col('user_session', 'ip', {
    ...SESSION,
    kind: 'network',
    purpose: 'shows a staff member their sessions; investigating a stolen account',
  }),
  col('user_session', 'user_agent', { ...SESSION, kind: 'network', purpose: 'as `ip`' }),
  col('user_session', 'refresh_hash', {
    kind: 'pseudonymous',
    purpose: 'the rotating refresh token (hashed)',
    basis: 'contract',
    retention: 'expiresBy',
    erasure: 'keep',
    note: 'useless once the session expired',
  }),
  col('user_session', 'previous_refresh_hash', {
    kind: 'pseudonymous',
    purpose: 'detects a reused refresh token',
    basis: 'contract',
    retention: 'expiresBy',
    erasure: 'keep',
    note: 'as `refresh_hash`',
  }),
  // Redis: ids and digests only (STYLE.md rule 5).
  {
    store: 'redis',
    key: '<QUEUE_PREFIX>:rl:* (rate-limit counters)',
    kind: 'pseudonymous',
    purpose: 'limits per device, address, account',
    basis: 'public_task',
    retention: 'expiresBy',
    erasure: 'keep',
    note: 'digests of addresses, device ids and usernames, kept for at most their window',
  },
  {
    store: 'redis',
    key: '<QUEUE_PREFIX>:session:* (staff session state)',
    kind: 'identity',
    purpose: 'a session’s state shared between processes',
    basis: 'contract',
    retention: 'expiresBy',
    erasure: 'keep',
    note: 'user id, username, role, unit for SESSION_CHECK_SECONDS',
  },
  // Queue payloads carry ids only; the notification delivery job carries nothing, it reads PostgreSQL.
  {
    store: 'queue',
    queue: 'notifications',
    job: 'deliver-notifications',
    kind: 'pseudonymous',
    purpose: 'wakes the delivery of recorded messages',
    basis: 'public_task',
    retention: 'expiresBy',
    erasure: 'keep',
    note: 'no data: the recipient is read from `notification` at delivery, so blanking it there stops a pending message',
  },
  {
    store: 'queue',
    queue: 'privacy-requests',
    job: 'execute-erasure',
    kind: 'pseudonymous',
    purpose: 'runs a data subject’s erasure in the worker',
    basis: 'legal_obligation',
    retention: 'expiresBy',
    erasure: 'keep',
    note: 'the request’s id only: the identifiers are read from privacy_request',
  },
  // Logs.
  {
    store: 'log',
    name: 'API access log (pino, stdout): reqId, method, route, url, status, ms, ip',
    kind: 'network',
    purpose: 'operating and securing the service',
    basis: 'public_task',
    retention: 'expiresBy',
    erasure: 'keep',
    note: 'one line per request with the client address; in `url` every value that may name a person or open a door is masked (engine/logging/access-log.ts); headers and bodies never written; the log store rotates it (docs/privacy.md)',
  },
  {
    store: 'log',
    name: 'application and worker logs (pino, stdout)',
    kind: 'pseudonymous',
    purpose: 'operating the service: errors, retries, jobs',
    basis: 'public_task',
    retention: 'expiresBy',
    erasure: 'keep',
    note: 'ids, codes and counts only (a message names its notification id, never its recipient); the log store rotates it',
  },
  // The browser.
  {
    store: 'browser',
    key: 'localStorage hcmc1022.deviceId',
    kind: 'device',
    purpose: 'counts filings per device for the rate limits',
    basis: 'public_task',
    retention: 'expiresBy',
    erasure: 'keep',
    note: 'a random id, on the citizen’s own device; the server keeps only digests',
  },
  {
    store: 'browser',
    key: 'localStorage 1022.reporterSecret.<code>',
    kind: 'pseudonymous',
    purpose: 'lets the reporter act on their ticket again from the same browser',
    basis: 'consent',
    retention: 'expiresBy',
    erasure: 'keep',
    note: 'on the citizen’s own device; the server holds only its hash',
  },
  {
    store: 'browser',
    key: 'sessionStorage session1022',
    kind: 'identity',
    purpose: 'a staff member’s tokens for the open tab',
    basis: 'contract',
    retention: 'expiresBy',
    erasure: 'keep',
    note: 'gone when the tab closes',
  },
  {
    store: 'browser',
    key: 'memory: the query cache (TanStack Query)',
    kind: 'contact',
    purpose:
      'answers a staff page loaded (a report with its reporter’s contact, for the roles that may see it), kept while the tab is open',
    basis: 'public_task',
    retention: 'expiresBy',
    erasure: 'keep',
    note: 'never written to storage; emptied when the user signs out or changes, and when the tab closes',
  },
  {
    store: 'browser',
    key: 'memory: the personal-data access token and the data shown on /privacy, and the private link handed to it',
    kind: 'contact',
    purpose: 'shows the citizen what 1022 holds about them (Law 91/2025/QH15), and lets them download it or ask for its erasure',
    basis: 'legal_obligation',
    retention: 'expiresBy',
    erasure: 'keep',
    note: 'never written to storage or put in an address; the page drops it when it is closed or left, the token expires by itself, and downloads are saved from memory',
  },
];

/**
 * Columns whose names look personal but are not, each with the reason: the registry test fails
 * on a personal-looking column in neither list, so somebody decides.
 */
export const NOT_PERSONAL_COLUMNS: Readonly<Record<string, string>> = {
  'admin_unit.name': 'official name of a ward or commune',
  'admin_unit.short_name': 'official name of a ward or commune',
  'admin_unit.district_name': 'name of a former district',
  'admin_unit.label_point': 'where a ward’s name is drawn',
  'handling_unit.name': 'name of a public body',
  'handling_unit.name_en': 'name of a public body',
  'handling_unit.email': 'a public body’s office address',
  'handling_unit.phone': 'a public body’s office number',
  'category.name_vi': 'category name',
  'category.name_en': 'category name',
  'calendar_day.name': 'a holiday’s name',
  'category.attributes': 'the questions a category asks (definitions, not answers)',
  'category.exact_public_point': 'whether a category’s points may be shown unsnapped (a setting)',
  'report.response_due_at': 'a deadline',
  'sla_policy.response_minutes': 'a deadline’s length',
  'schema_migrations.name': 'a migration’s name',
  'spatial_ref_sys.auth_name': 'PostGIS reference data',
  'basemap_feature.props': 'OpenStreetMap attributes of roads and water',
  'outbox.payload': 'ids of the aggregate only (jobs carry ids, STYLE.md rule 5)',
  'outbox.last_error': 'an error of the relay; messages name ids',
  'notification.last_error':
    'the provider’s error code and text, with the recipient and any address or number it names masked (notification-failure.ts)',
  'idempotency_key.request_hash': 'SHA-256 of the request body, compared on a retry only',
  'user_session.revoked_reason': 'why a session ended: a fixed word (sign-out, disabled, reused)',
  'routing_rule.note': 'an admin’s note on a routing rule',
  'calendar_change.before': 'a calendar day before an admin’s change',
  'calendar_change.after': 'a calendar day after an admin’s change',
};

/** Column names that look personal: any `_`-separated word of the name in this list. */
export const PERSONAL_LOOKING_WORDS = [
  'phone',
  'email',
  'mail',
  'name',
  'address',
  'ip',
  'agent',
  'contact',
  'description',
  'text',
  'note',
  'message',
  'recipient',
  'subject',
  'payload',
  'data',
  'props',
  'attributes',
  'response',
  'reason',
  'error',
  'secret',
  'hash',
  'point',
  'storage',
  'before',
  'after',
] as const;

export function looksPersonal(column: string): boolean {
  return column.split('_').some((word) => (PERSONAL_LOOKING_WORDS as readonly string[]).includes(word));
}

/** The registered columns, as `table.column`. */
export function registeredColumns(): Set<string> {
  return new Set(PERSONAL_DATA.flatMap((e) => (e.store === 'column' ? [`${e.table}.${e.column}`] : [])));
}

/** The registry entries applied by a retention policy. */
export function entriesOf(policy: RetentionPolicyName): PersonalDataEntry[] {
  return PERSONAL_DATA.filter((e) => e.retention === policy);
}

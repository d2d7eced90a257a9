import { PERSONAL_DATA } from '../../../engine/privacy/personal-data-registry';
import { blankedColumns, deletedFileStores, deletedTables, maskedColumns, ROW_KEYS } from './erasure.repository';

/** The erasure's plan as the registry drives it: what it blanks, deletes and masks. */
describe('erasure plan from the personal-data registry', () => {
  it('blanks the reporter’s contact and the messages’ recipients', () => {
    expect(blankedColumns().map((e) => `${e.table}.${e.column}`)).toEqual(
      expect.arrayContaining(['report.reporter_name', 'report.reporter_phone', 'report.reporter_email', 'notification.recipient']),
    );
  });

  it('deletes the subject’s caller rows and reporter secrets, and the citizens’ photos but not the resolution photos', () => {
    expect(deletedTables().map((t) => [t.table, t.link])).toEqual(
      expect.arrayContaining([
        ['report_caller', 'caller'],
        ['reporter_secret', 'report'],
      ]),
    );
    expect(deletedFileStores()).toEqual([{ table: 'attachment', where: "kind = 'citizen'", link: 'report' }]);
  });

  it('masks the free text of reports and callers’ notes', () => {
    expect(maskedColumns().map((e) => `${e.table}.${e.column}`)).toEqual(
      expect.arrayContaining(['report.description', 'report.address', 'report.attributes', 'report_caller.note']),
    );
  });

  it('knows the key of every table the registry links to a subject', () => {
    const linked = PERSONAL_DATA.flatMap((e) => (e.subject && e.store === 'column' ? [e.table] : []));
    expect(linked.filter((t) => !(t in ROW_KEYS))).toEqual([]);
  });

  it('leaves no column it should act on without a way to: masked, blanked, deleted, or the timeline’s function', () => {
    const handled = new Set([
      ...maskedColumns().map((e) => `${e.table}.${e.column}`),
      ...blankedColumns().map((e) => `${e.table}.${e.column}`),
      ...deletedTables().flatMap((t) => t.columns.map((c) => `${t.table}.${c}`)),
      'report_event_personal.message',
      'report_event_personal.data',
      'audit_event_personal.subject', // by the audit module's function, for the subject's numbers
    ]);
    // Not reached by a data subject's erasure: staff accounts, sessions and sign-in addresses (they
    // end with the account or by retention), unclaimed uploads (linked to nobody, gone within a
    // day); attachment rows go with their files.
    // A request's own records (modules/privacy-requests) end with the request: its identifiers are
    // blanked when it is completed or rejected, the subject's tokens are voided by the erasure it
    // runs, and codes (digests only) go a day after they expire.
    const staff = new Set([
      'app_user',
      'user_session',
      'user_recovery_code',
      'upload',
      'attachment',
      'audit_event_personal.ip',
      'privacy_verification',
      'privacy_access',
      'privacy_request',
    ]);
    const unhandled = PERSONAL_DATA.flatMap((e) =>
      e.store === 'column' &&
      e.erasure !== 'keep' &&
      !staff.has(e.table) &&
      !staff.has(`${e.table}.${e.column}`) &&
      !handled.has(`${e.table}.${e.column}`)
        ? [`${e.table}.${e.column}`]
        : [],
    );
    expect(unhandled).toEqual([]);
  });
});

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
});

import { Injectable, Logger } from '@nestjs/common';
import { AttachmentsService } from '../../attachments/attachments.service';
import { AuditService } from '../../audit/audit.service';
import { normalizePhone } from '../../intake/intake.dto';
import type { DataSubject, ErasureContext, ErasureOutcome } from './data-subject';
import {
  blankedColumns,
  deletedFileStores,
  deletedTables,
  ErasureRepository,
  maskedColumns,
  SubjectKeys,
  TextCell,
} from './erasure.repository';
import { SubjectStoresPurger } from './subject-stores.purger';
import { eraseJson, eraseText, subjectMatcher, subjectPatterns, SubjectValues } from './subject-text';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Erases one data subject's personal data everywhere the registry
 * (engine/privacy/personal-data-registry.ts) says it may sit (Law 91/2025/QH15, Decree
 * 13/2023/ND-CP): the reporter's contact on their reports, their caller rows, their messages'
 * recipients, their photos, their values in any free text (replaced by one visible marker),
 * and queued jobs carrying them. The tickets stay — category, unit, status, snapped place, dates,
 * the public answer — anonymous, so the figures and the public map stay true.
 *
 * All database changes are one transaction; stored objects, jobs and Redis keys go after it
 * committed. Every step only removes what is still there, so running it again is harmless.
 */
@Injectable()
export class PersonalDataErasureService {
  private readonly logger = new Logger(PersonalDataErasureService.name);

  constructor(
    private readonly repo: ErasureRepository,
    private readonly attachments: AttachmentsService,
    private readonly stores: SubjectStoresPurger,
    private readonly audit: AuditService,
  ) {}

  async eraseSubject(subject: DataSubject, context: ErasureContext): Promise<ErasureOutcome> {
    const given: SubjectKeys = {
      reportIds: unique(subject.reportIds.filter((id) => UUID.test(id)).map((id) => id.toLowerCase())),
      phones: unique(subject.phones.map((p) => normalizePhone(p)).filter((p) => p.length >= 9)),
      emails: unique(subject.emails.map((e) => e.trim().toLowerCase()).filter(Boolean)),
    };
    const { outcome, matcher, storageKeys } = await this.repo.transaction(async (tx) => {
      const reports = await this.repo.subjectReports(tx, given);
      // What the subject's reports hold is the subject's too: a name spelled as it was filed.
      const values: SubjectValues = {
        phones: unique([...given.phones, ...reports.flatMap((r) => (r.phone ? [r.phone] : []))]),
        emails: unique([...given.emails, ...reports.flatMap((r) => (r.email ? [r.email.toLowerCase()] : []))]),
        names: unique([...subject.names, ...reports.flatMap((r) => (r.name ? [r.name] : []))].map((n) => n.trim()).filter(Boolean)),
      };
      const keys: SubjectKeys = { reportIds: reports.map((r) => r.id), phones: values.phones, emails: values.emails };
      const matcher = subjectMatcher(values);
      const patterns = subjectPatterns(values);

      let textsRedacted = 0;
      for (const entry of maskedColumns()) {
        const changed = (await this.repo.textCells(tx, entry, keys.reportIds, patterns)).flatMap((cell) => masked(cell, matcher));
        await this.repo.writeCells(tx, changed);
        textsRedacted += changed.length;
      }

      let fieldsBlanked = 0;
      let notificationsPurged = 0;
      for (const entry of blankedColumns()) {
        const ids = await this.repo.blank(tx, entry, keys);
        if (entry.table === 'notification') notificationsPurged += ids.length;
        else fieldsBlanked += ids.length;
      }
      for (const { table, link } of deletedTables()) fieldsBlanked += (await this.repo.deleteRows(tx, table, link, keys)).length;
      const files = (await Promise.all(deletedFileStores().map((store) => this.repo.deleteFiles(tx, store, keys)))).flat();

      const outcome: ErasureOutcome = {
        reports: reports.length,
        fieldsBlanked,
        textsRedacted,
        photosDeleted: files.length,
        jobsPurged: 0,
        notificationsPurged,
      };
      // Counts and the request, never a value (the audit trail outlives the erasure).
      await this.audit.record(
        'personal_data_erased',
        null,
        'data_subject',
        { requestId: context.requestId, reason: context.reason, actorUserId: context.actorUserId, counts: outcome },
        tx,
      );
      return { outcome, matcher, storageKeys: files.map((f) => f.key) };
    });

    await this.attachments.deleteObjects(storageKeys);
    outcome.jobsPurged = await this.stores.purgeJobs(matcher);
    const keysPurged = await this.stores.purgeKeys(matcher);
    this.logger.log(`erasure ${context.requestId ?? '(no request)'}: ${JSON.stringify({ ...outcome, keysPurged })}`);
    return outcome;
  }
}

/** The cell with the subject's values masked (and on their own reports the public patterns), if that changed it. */
function masked(cell: TextCell, matcher: RegExp | null): TextCell[] {
  const value = typeof cell.value === 'string' ? eraseText(cell.value, matcher, cell.own) : eraseJson(cell.value, matcher, cell.own);
  return JSON.stringify(value) === JSON.stringify(cell.value) ? [] : [{ ...cell, value }];
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

import { Injectable, Logger } from '@nestjs/common';
import { AttachmentsService } from '../../attachments/attachments.service';
import { AuditService } from '../../audit/audit.service';
import { normalizePhone } from '../../intake/intake.dto';
import type { DataSubject, ErasureContext, ErasureOutcome } from './data-subject';
import {
  blankedColumns,
  deletedFileStores,
  deletedTables,
  ErasureActions,
  ErasureRepository,
  maskedColumns,
  SubjectKeys,
  TextCell,
} from './erasure.repository';
import { SubjectStoresPurger } from './subject-stores.purger';
import { eraseJson, eraseText, subjectMatcher, subjectPatterns, SubjectValues } from './subject-text';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a replay of the erasure log did. */
export interface ReplayOutcome {
  erasures: number;
  fieldsBlanked: number;
  rowsDeleted: number;
  textsRedacted: number;
  objectsDeleted: number;
}

/**
 * Erases one data subject's personal data everywhere the registry
 * (engine/privacy/personal-data-registry.ts) says it may sit (Law 91/2025/QH15, Decree
 * 13/2023/ND-CP): the reporter's contact on their reports, their caller rows, their messages'
 * recipients, their photos, their values in any free text (replaced by one visible marker),
 * and queued jobs carrying them. The tickets stay — category, unit, status, snapped place, dates,
 * the public answer — anonymous, so the figures and the public map stay true.
 *
 * All database changes are one transaction, which also writes the erasure log (what to do again
 * after restoring an older backup, without the erased values); stored objects, jobs and Redis
 * keys go after it committed. Every step only removes what is still there, so running it again
 * is harmless.
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
      const log: ErasureActions = { reports: keys.reportIds, blanked: [], deleted: [], files: [], texts: [], events: [], audit: [] };

      for (const entry of maskedColumns()) {
        const changed = (await this.repo.textCells(tx, entry, keys.reportIds, patterns)).flatMap((cell) => masked(cell, matcher));
        await this.repo.writeCells(tx, changed);
        log.texts.push(...changed.map(({ table, column, id, value, json }) => ({ table, column, id, value, json })));
      }
      // The timeline's text is append-only to the application: its function rewrites it, and audits that.
      const events = (await this.repo.eventCells(tx, keys.reportIds, patterns)).flatMap((e) => {
        const message = e.message === null ? null : eraseText(e.message, matcher, e.own === true);
        const data = e.data === null ? null : (eraseJson(e.data, matcher, e.own === true) as Record<string, unknown>);
        return message === e.message && JSON.stringify(data) === JSON.stringify(e.data) ? [] : [{ id: e.id, message, data }];
      });
      const eventsRedacted = events.length ? await this.repo.redactEvents(tx, events, context.reason) : 0;
      log.events.push(...events);

      for (const entry of blankedColumns()) {
        const ids = await this.repo.blank(tx, entry, keys);
        if (ids.length) log.blanked.push({ table: entry.table, column: entry.column, ids });
      }
      for (const { table, link } of deletedTables()) {
        const ids = await this.repo.deleteRows(tx, table, link, keys);
        if (ids.length) log.deleted.push({ table, ids });
      }
      // Where an operator searched the subject's number, the search stays and the number goes.
      log.audit = await this.audit.eventsSearching(tx, keys.phones);
      const searchesBlanked = await this.audit.erasePersonalOf(tx, log.audit, context.reason);
      for (const store of deletedFileStores()) {
        const files = await this.repo.deleteFiles(tx, store, keys);
        if (files.length) log.files.push({ table: store.table, ids: files.map((f) => f.id), keys: files.map((f) => f.key) });
      }

      const count = (list: { table: string; ids: string[] }[], table?: string) =>
        list.filter((b) => (table ? b.table === table : true)).reduce((n, b) => n + b.ids.length, 0);
      const outcome: ErasureOutcome = {
        reports: reports.length,
        fieldsBlanked: count(log.blanked) - count(log.blanked, 'notification') + count(log.deleted) + searchesBlanked,
        textsRedacted: log.texts.length + eventsRedacted,
        photosDeleted: count(log.files),
        jobsPurged: 0,
        notificationsPurged: count(log.blanked, 'notification'),
      };
      await this.repo.appendLog(tx, context.requestId, log);
      // Counts and the request, never a value (the audit trail outlives the erasure).
      await this.audit.record(
        'personal_data_erased',
        null,
        'data_subject',
        { requestId: context.requestId, reason: context.reason, actorUserId: context.actorUserId, counts: outcome },
        tx,
      );
      return { outcome, matcher, storageKeys: log.files.flatMap((f) => f.keys) };
    });

    // A run of the same request again also retries the objects an earlier run could not delete.
    const earlier = context.requestId ? await this.repo.loggedKeysOf(context.requestId) : [];
    await this.attachments.deleteObjects(unique([...storageKeys, ...earlier])).catch((err: unknown) => {
      throw new Error(`erasure ${context.requestId ?? ''} committed, but ${String(err)}: run it again to retry them`, { cause: err });
    });
    outcome.jobsPurged = await this.stores.purgeJobs(matcher);
    const keysPurged = await this.stores.purgeKeys(matcher);
    this.logger.log(`erasure ${context.requestId ?? '(no request)'}: ${JSON.stringify({ ...outcome, keysPurged })}`);
    return outcome;
  }

  /**
   * Re-applies the erasures logged since `since` (after restoring a backup taken before them):
   * blanks and deletes the same rows, writes the same masked texts, deletes the same stored
   * objects. Only what a restore brought back changes, so running it twice is harmless.
   */
  async replaySince(since: Date): Promise<ReplayOutcome> {
    const logged = await this.repo.loggedSince(since);
    const outcome: ReplayOutcome = { erasures: logged.length, fieldsBlanked: 0, rowsDeleted: 0, textsRedacted: 0, objectsDeleted: 0 };
    for (const { id, actions } of logged) {
      const keys = await this.repo.transaction(async (tx) => {
        for (const t of actions.texts) if (await this.repo.restoreText(tx, t)) outcome.textsRedacted += 1;
        if (actions.events.length) outcome.textsRedacted += await this.repo.redactEvents(tx, actions.events, `replay of erasure ${id}`);
        for (const b of actions.blanked) outcome.fieldsBlanked += await this.repo.blankIds(tx, b.table, b.column, b.ids);
        for (const d of actions.deleted) outcome.rowsDeleted += await this.repo.deleteIds(tx, d.table, d.ids);
        for (const f of actions.files) outcome.rowsDeleted += await this.repo.deleteIds(tx, f.table, f.ids);
        outcome.fieldsBlanked += await this.audit.erasePersonalOf(tx, actions.audit ?? [], `replay of erasure ${id}`);
        return actions.files.flatMap((f) => f.keys);
      });
      await this.attachments.deleteObjects(keys);
      outcome.objectsDeleted += keys.length;
    }
    await this.audit.record('personal_data_erased', null, 'erasure_log', { replayedSince: since.toISOString(), counts: outcome });
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

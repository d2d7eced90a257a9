import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PersonalDataAccess, PlaceChange, ReportRecordRepository, StatusChange, TimelineEvent } from './report-record.repository';
import type { ReportStatus } from './report-status';

/**
 * The one writer of `report` and `report_event`: status changes, assignment, place, followers and
 * timeline events, each in the caller's transaction. Statements that must stay one for speed
 * (filing, import, batch assignment, SLA batches) compose the fragments of report-record.sql.ts.
 */
@Injectable()
export class ReportRecordService {
  constructor(private readonly record: ReportRecordRepository) {}

  setStatus(tx: EntityManager, id: string, version: number, status: ReportStatus, extra: StatusChange = {}): Promise<number | null> {
    return this.record.setStatus(tx, id, version, status, extra);
  }

  setAssignment(tx: EntityManager, id: string, unitId: string, status: string): Promise<void> {
    return this.record.setAssignment(tx, id, unitId, status);
  }

  setPlace(tx: EntityManager, id: string, change: PlaceChange): Promise<void> {
    return this.record.setPlace(tx, id, change);
  }

  addFollowers(tx: EntityManager, id: string, count: number): Promise<void> {
    return this.record.addFollowers(tx, id, count);
  }

  /** One more follower of the report (a caller added to it); null when there is no such report. */
  addFollower(tx: EntityManager, id: string): Promise<{ id: string; code: string; followerCount: number } | null> {
    return this.record.addFollower(tx, id);
  }

  /**
   * The lines of a caller added by an operator: a public one (`shown`) and a non-public one
   * naming which personal data was stored (`stored`: field names, never the values).
   */
  appendCallerAttached(...args: Parameters<ReportRecordRepository['appendCallerAttached']>): Promise<void> {
    return this.record.appendCallerAttached(...args);
  }

  /** Appends one line to the timeline (append-only in the database); returns its id. */
  appendEvent(tx: EntityManager, e: TimelineEvent): Promise<string> {
    return this.record.appendEvent(tx, e);
  }

  /** A view or reveal of a reporter's contact details, as a non-public timeline event (invariant 6). */
  recordPersonalDataAccess(e: PersonalDataAccess): Promise<void> {
    return this.record.recordPersonalDataAccess(e);
  }

  /** Retention: blanks the contact of up to `limit` reports that ended before `cutoff`; returns how many. */
  blankReporterContactEndedBefore(cutoff: Date, limit: number): Promise<number> {
    return this.record.blankReporterContactEndedBefore(cutoff, limit);
  }
}

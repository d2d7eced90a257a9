import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { ReportRecordService } from '../report-record/report-record.service';
import { isOpenStatus } from '../report-record/report-status';
import { CallCentreRepository } from './call-centre.repository';
import { duplicateScore } from './duplicate-score';
import type { CallerReport, DuplicateCandidate } from './intake.dto';
import { IntakeException } from './intake.exception';

/** The operator's helpers during a call: who is calling, and is this already reported? */
@Injectable()
export class CallCentreService {
  constructor(
    private readonly calls: CallCentreRepository,
    private readonly audit: AuditService,
    private readonly record: ReportRecordService,
  ) {}

  async likelyDuplicates(q: { category: string; lat: number; lng: number; text?: string }): Promise<DuplicateCandidate[]> {
    const rows = await this.calls.nearbyCandidates(q.category, q.lng, q.lat, q.text ?? '');
    return rows
      .map(({ ageHours, textSimilarity, sameCategory, ...row }) => ({
        ...row,
        createdAt: new Date(row.createdAt).toISOString(),
        score: duplicateScore({
          distanceM: row.distanceM,
          ageHours: Number(ageHours),
          textSimilarity: Number(textSimilarity),
          sameCategory,
          open: isOpenStatus(row.status),
        }),
      }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 10);
  }

  /** Which reports a number filed or called about is personal data: the search is audited before it answers. */
  async callerHistory(phone: string, operator: Principal): Promise<CallerReport[]> {
    const rows = await this.calls.callerHistory(phone);
    await this.audit.callerHistorySearched(
      operator,
      phone,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
  }

  /** Records a call on an existing ticket: one more follower, who called, and its timeline lines. */
  async attachCaller(
    reportId: string,
    caller: { phone: string; name?: string; note?: string },
    operator: Principal,
  ): Promise<{ id: string; code: string; followerCount: number }> {
    const attached = await this.calls.transaction(async (tx) => {
      const report = await this.record.addFollower(tx, reportId);
      if (!report) return null;
      const callerId = await this.calls.insertCaller(
        tx,
        reportId,
        { phone: caller.phone, name: caller.name ?? null, note: caller.note ?? null },
        operator.userId,
      );
      // The public line says a caller was added; the non-public one which personal data the
      // operator stored (field names and the caller row, never the values: invariant 6).
      const fields = caller.name ? ['phone', 'name'] : ['phone'];
      await this.record.appendCallerAttached(
        tx,
        reportId,
        { userId: operator.userId, role: operator.role },
        { followerCount: report.followerCount, channel: 'phone' },
        { subject: 'caller', callerId, fields },
      );
      return report;
    });
    if (!attached) throw IntakeException.notFound(reportId);
    return attached;
  }

  /** Retention: the callers of reports that ended before `cutoff` go (the report keeps its follower count). */
  deleteCallersOfReportsEndedBefore(cutoff: Date, limit: number): Promise<number> {
    return this.calls.deleteCallersOfReportsEndedBefore(cutoff, limit);
  }
}

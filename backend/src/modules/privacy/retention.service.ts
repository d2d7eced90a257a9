import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { AttachmentsService } from '../attachments/attachments.service';
import { AuditService } from '../audit/audit.service';
import { SessionsService } from '../auth/sessions.service';
import { CallCentreService } from '../intake/call-centre.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ReportRecordService } from '../report-record/report-record.service';
import { RetentionPolicyKey, retentionCutoffs } from './retention-cutoffs';

const BATCH = 1000;

export type RetentionCounts = Record<RetentionPolicyKey, number>;

/**
 * Applies the retention policies (Law 91/2025/QH15: no longer than the purpose needs; the
 * registry, engine/privacy/personal-data-registry.ts, lists what each covers). Each owning
 * module anonymises its own rows; the ticket, its public answer, category, place, dates and
 * figures stay. Only rows still holding data are touched, so a second run changes nothing, and
 * every run leaves one audit event with its counts — never a value.
 */
@Injectable()
export class RetentionService {
  constructor(
    private readonly reports: ReportRecordService,
    private readonly callers: CallCentreService,
    private readonly attachments: AttachmentsService,
    private readonly notifications: NotificationsService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async apply(now: Date): Promise<RetentionCounts> {
    const cutoff = retentionCutoffs(now, this.config.retention);
    const counts: RetentionCounts = {
      reporterContact: await drain((n) => this.reports.blankReporterContactEndedBefore(cutoff.reporterContact, n)),
      callerNumbers: await drain((n) => this.callers.deleteCallersOfReportsEndedBefore(cutoff.callerNumbers, n)),
      closedTicketPhotos: await this.attachments.deleteCitizenPhotosOfReportsEndedBefore(cutoff.closedTicketPhotos),
      notificationLog: await drain((n) => this.notifications.blankCitizenRecipientsBefore(cutoff.notificationLog, n)),
      loginRecords: await drain((n) => this.sessions.blankClientOfSessionsEndedBefore(cutoff.loginRecords, n)),
      auditPersonal: await this.audit.erasePersonalBefore(cutoff.auditPersonal, 'retention'),
    };
    await this.audit.record('retention_applied', null, 'retention', { days: this.config.retention, counts });
    return counts;
  }
}

/** Runs `step` (which handles up to `limit` rows and says how many) until a batch comes back short. */
async function drain(step: (limit: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await step(BATCH);
    total += n;
    if (n < BATCH) return total;
  }
}

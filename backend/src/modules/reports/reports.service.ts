import { Injectable } from '@nestjs/common';
import { DomainException } from '../../engine/errors/domain.exception';
import { redactPersonalText } from '../../engine/privacy/redact-personal-text';
import { redactOwnValues } from '../../engine/privacy/redact-own-values';
import { ticketScope } from '../auth/access-scope';
import type { Principal } from '../auth/principal';
import { IntakeException } from '../intake/intake.exception';
import { allowedActions } from '../tickets/ticket-state-machine';
import { TicketsService } from '../tickets/tickets.service';
import { ReportRecordService } from '../report-record/report-record.service';
import { isOpenStatus, isTerminalStatus, type ReportStatus } from '../report-record/report-status';
import { PublicReportView, StaffReport, StaffReportRecord, TrackedReport } from './reports.dto';
import { ReportsRepository } from './reports.repository';

const CODE = /^HCM-\d{6}-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{6}$/;

@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly record: ReportRecordService,
    private readonly tickets: TicketsService,
  ) {}

  /** Accepts what people type: lowercase, spaces or no dashes. */
  async track(rawCode: string, secret?: string): Promise<TrackedReport> {
    const compact = rawCode.toUpperCase().replace(/[^0-9A-Z]/g, '');
    const code = compact.length === 15 ? `${compact.slice(0, 3)}-${compact.slice(3, 9)}-${compact.slice(9)}` : rawCode;
    const view = CODE.test(code) ? await this.reports.publicByCode(code) : null;
    if (!view) throw IntakeException.notFound(rawCode.slice(0, 40));
    const { exactPoint, ownValues, ...found } = view;
    const actions = await this.tickets.reporterActions(code, secret);
    const asReporter = actions !== null;
    // The address places the report as exactly as its point: the code alone shows it only where
    // Open311 shows the point as filed; the reporter, holding the secret, sees what they typed.
    const shown = asReporter || exactPoint ? found : { ...found, address: null };
    return { ...redactPublicView(shown, ownValues), asReporter, allowedActions: actions ?? [] };
  }

  /** The audit event is written before the data leaves: no view without its trace. */
  async forStaff(id: string, principal: Principal): Promise<StaffReport> {
    const view = await this.reports.staffById(id, ticketScope(principal));
    if (!view) throw IntakeException.notFound(id);
    const reporter = mayReadReporter(principal, view) ? view.reporter : null;
    if (reporter) {
      await this.record.recordPersonalDataAccess({
        reportId: id,
        type: 'personal_data_viewed',
        actorUserId: principal.userId,
        actorRole: principal.role,
        fields: shownFields(reporter),
      });
    }
    const forCaller = principal.role === 'operator' ? { reporterActions: await this.tickets.reporterActionsById(id) } : {};
    return {
      ...view,
      reporter,
      allowedActions: allowedActions(view.status as ReportStatus),
      transferable: !isTerminalStatus(view.status),
      callersAttachable: isOpenStatus(view.status),
      ...forCaller,
    };
  }

  /**
   * The only way past a hidden identity: an admin, with a reason kept in the timeline
   * (invariant 4; the controller admits admins only, this re-checks so no other caller can).
   */
  async revealReporter(id: string, reason: string, principal: Principal): Promise<{ reporter: StaffReportRecord['reporter'] }> {
    if (principal.role !== 'admin')
      throw new DomainException('forbidden', 'reports.reveal_admin_only', 'Only an administrator can reveal a reporter', {
        messageVi: 'Chỉ quản trị viên được xem danh tính người phản ánh',
      });
    const view = await this.reports.staffById(id, ticketScope(principal));
    if (!view) throw IntakeException.notFound(id);
    if (view.reporter) {
      await this.record.recordPersonalDataAccess({
        reportId: id,
        type: 'personal_data_revealed',
        actorUserId: principal.userId,
        actorRole: principal.role,
        fields: shownFields(view.reporter),
        reason,
      });
    }
    return { reporter: view.reporter };
  }
}

/**
 * The tracking code is public (printed, read out, shared): the page it opens shows the text with
 * the phone numbers, e-mail addresses, ID numbers and plates people type into it masked, and the
 * reporter's own name, number and address wherever they appear.
 */
function redactPublicView(view: PublicReportView, own: readonly string[]): PublicReportView {
  const redact = (text: string) => redactPersonalText(redactOwnValues(text, own));
  return {
    ...view,
    description: redact(view.description),
    address: view.address === null ? null : redact(view.address),
    timeline: view.timeline.map((e) => ({ ...e, message: e.message === null ? null : redact(e.message) })),
  };
}

function shownFields(reporter: NonNullable<StaffReportRecord['reporter']>): string[] {
  return (['name', 'phone', 'email'] as const).filter((f) => reporter[f] !== null && reporter[f] !== '');
}

/**
 * Invariant 4: contact details go to the call centre and to the unit handling the ticket, and
 * to nobody when the reporter chose to hide their identity (leaders and admins included; an
 * admin goes through revealReporter, with a reason).
 */
function mayReadReporter(principal: Principal, view: StaffReportRecord): boolean {
  if (!view.reporter || view.reporter.hideIdentity) return false;
  if (principal.role === 'operator') return true;
  return (principal.role === 'ward_official' || principal.role === 'department_official') && principal.unitId === view.assignedUnitId;
}

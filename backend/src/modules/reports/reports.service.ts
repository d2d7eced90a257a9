import { Injectable } from '@nestjs/common';
import { ticketScope } from '../auth/access-scope';
import type { Principal } from '../auth/principal';
import { IntakeException } from '../intake/intake.exception';
import { allowedActions } from '../tickets/ticket-state-machine';
import type { ReportStatus } from './report.entity';
import { PublicReportView, ReportsRepository, StaffReportView } from './reports.repository';

const CODE = /^HCM-\d{6}-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{6}$/;

@Injectable()
export class ReportsService {
  constructor(private readonly reports: ReportsRepository) {}

  /** Accepts what people type: lowercase, spaces or no dashes. */
  async track(rawCode: string): Promise<PublicReportView> {
    const compact = rawCode.toUpperCase().replace(/[^0-9A-Z]/g, '');
    const code = compact.length === 15 ? `${compact.slice(0, 3)}-${compact.slice(3, 9)}-${compact.slice(9)}` : rawCode;
    const view = CODE.test(code) ? await this.reports.publicByCode(code) : null;
    if (!view) throw IntakeException.notFound(rawCode.slice(0, 40));
    return view;
  }

  async forStaff(id: string, principal: Principal): Promise<StaffReportView> {
    const view = await this.reports.staffById(id, ticketScope(principal));
    if (!view) throw IntakeException.notFound(id);
    return { ...view, reporter: mayReadReporter(principal, view) ? view.reporter : null, allowedActions: allowedActions(view.status as ReportStatus) };
  }
}

/**
 * Invariant 4: contact details go to the call centre and to the unit handling the ticket, and
 * to nobody when the reporter chose to hide their identity.
 */
function mayReadReporter(principal: Principal, view: StaffReportView): boolean {
  if (!view.reporter || view.reporter.hideIdentity) return false;
  if (principal.role === 'operator') return true;
  return (principal.role === 'ward_official' || principal.role === 'department_official') && principal.unitId === view.assignedUnitId;
}

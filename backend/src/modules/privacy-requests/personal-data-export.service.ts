import { Injectable } from '@nestjs/common';
import { PersonalDataExportRepository, SubjectKeys } from './personal-data-export.repository';
import { PrivacyRequestsRepository } from './privacy-requests.repository';
import type { PersonalDataExport } from './privacy-requests.dto';

const iso = (d: Date) => d.toISOString();

/** Everything tied to a subject's verified phones and addresses, in the shape of PersonalDataExport. */
@Injectable()
export class PersonalDataExportService {
  constructor(
    private readonly repo: PersonalDataExportRepository,
    private readonly requests: PrivacyRequestsRepository,
  ) {}

  async build(keys: SubjectKeys, now: Date): Promise<PersonalDataExport> {
    const reports = await this.repo.reports(keys);
    const ids = reports.map((r) => r.id);
    const [timeline, photos, callerRecords, notifications, earlier] = await Promise.all([
      this.repo.ownTimeline(ids),
      this.repo.photos(ids),
      this.repo.callerRecords(keys),
      this.repo.notifications(keys),
      this.requests.ofSubject(keys.digests),
    ]);
    return {
      generatedAt: iso(now),
      subject: { phones: keys.phones, emails: keys.emails },
      reports: reports.map((r) => ({
        id: r.id,
        code: r.code,
        channel: r.channel,
        status: r.status,
        category: r.category,
        createdAt: iso(r.createdAt),
        updatedAt: iso(r.updatedAt),
        personal: r.personal,
        timeline: timeline
          .filter((e) => e.reportId === r.id)
          .map((e) => ({ type: e.type, createdAt: iso(e.createdAt), message: e.message, isPublic: e.isPublic, personal: e.personal })),
        photos: photos
          .filter((p) => p.reportId === r.id)
          .map((p) => ({
            id: p.id,
            contentType: p.contentType,
            sizeBytes: p.sizeBytes,
            createdAt: iso(p.createdAt),
            url: `/api/v1/attachments/${p.id}`,
          })),
      })),
      callerRecords: callerRecords.map((c) => ({ reportCode: c.reportCode, createdAt: iso(c.createdAt), personal: c.personal })),
      notifications: notifications.map((n) => ({
        reportCode: n.reportCode,
        channel: n.channel,
        template: n.template,
        status: n.status,
        createdAt: iso(n.createdAt),
        sentAt: n.sentAt ? iso(n.sentAt) : null,
        personal: n.personal,
      })),
      privacyRequests: earlier.map((p) => ({
        id: p.id,
        kind: p.kind,
        channel: p.channel,
        status: p.status,
        receivedAt: iso(p.receivedAt),
        handledAt: p.handledAt ? iso(p.handledAt) : null,
      })),
    };
  }
}

/** The counts an access answer gave, kept on the request (never the values). */
export function exportCounts(data: PersonalDataExport): Record<string, number> {
  return {
    reports: data.reports.length,
    photos: data.reports.reduce((n, r) => n + r.photos.length, 0),
    callerRecords: data.callerRecords.length,
    notifications: data.notifications.length,
  };
}

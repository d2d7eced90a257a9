import { Module } from '@nestjs/common';
import { ClockModule } from '../../engine/clock/clock.module';
import { OutboxModule } from '../../engine/outbox/outbox.module';
import { RateLimitModule } from '../../engine/rate-limit/rate-limit.module';
import { AuditModule } from '../audit/audit.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PrivacyCodesModule } from '../privacy-codes/privacy-codes.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { ReporterAccessModule } from '../reporter-access/reporter-access.module';
import { PersonalDataExportRepository } from './personal-data-export.repository';
import { PersonalDataExportService } from './personal-data-export.service';
import { PrivacyAccessRepository } from './privacy-access.repository';
import { PrivacyAccessService } from './privacy-access.service';
import { PrivacyCitizenController } from './privacy-citizen.controller';
import { PrivacyRequestsAdminController } from './privacy-requests-admin.controller';
import { PrivacyRequestsRepository } from './privacy-requests.repository';
import { PrivacyRequestsService } from './privacy-requests.service';

/** A data subject's requests about their personal data (issue 19): see, download, erase; and the staff side. */
@Module({
  imports: [
    ClockModule,
    OutboxModule,
    RateLimitModule,
    AuditModule,
    NotificationsModule,
    PrivacyCodesModule,
    ReporterAccessModule,
    PrivacyModule,
  ],
  controllers: [PrivacyCitizenController, PrivacyRequestsAdminController],
  providers: [
    PrivacyAccessRepository,
    PrivacyAccessService,
    PersonalDataExportRepository,
    PersonalDataExportService,
    PrivacyRequestsRepository,
    PrivacyRequestsService,
  ],
  exports: [PrivacyRequestsService],
})
export class PrivacyRequestsModule {}

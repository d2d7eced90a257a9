import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { IntakeModule } from '../intake/intake.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReportRecordModule } from '../report-record/report-record.module';
import { ErasureRepository } from './erasure/erasure.repository';
import { PersonalDataErasureService } from './erasure/personal-data-erasure.service';
import { SubjectStoresPurger } from './erasure/subject-stores.purger';
import { RetentionService } from './retention.service';

/**
 * Personal data as the law requires: retention, and the erasure of one data subject that the
 * access and erasure requests call.
 */
@Module({
  imports: [ReportRecordModule, IntakeModule, AttachmentsModule, NotificationsModule, AuthModule, AuditModule],
  providers: [RetentionService, ErasureRepository, SubjectStoresPurger, PersonalDataErasureService],
  exports: [RetentionService, PersonalDataErasureService],
})
export class PrivacyModule {}

import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { IntakeModule } from '../intake/intake.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReportRecordModule } from '../report-record/report-record.module';
import { RetentionService } from './retention.service';

/** Personal data as the law requires (issue 19): retention now; access and erasure requests build on it. */
@Module({
  imports: [ReportRecordModule, IntakeModule, AttachmentsModule, NotificationsModule, AuthModule, AuditModule],
  providers: [RetentionService],
  exports: [RetentionService],
})
export class PrivacyModule {}

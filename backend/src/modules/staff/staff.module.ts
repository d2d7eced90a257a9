import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { AuditController } from './audit-trail.controller';
import { StaffAccountsRepository } from './staff-accounts.repository';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';

/** Staff accounts as an admin runs them: the admin side of app_user, and the audit trail's reading. */
@Module({
  imports: [AuthModule, AuditModule],
  controllers: [StaffController, AuditController],
  providers: [StaffAccountsRepository, StaffService],
})
export class StaffModule {}

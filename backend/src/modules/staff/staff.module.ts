import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { StaffAccountsRepository } from './staff-accounts.repository';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';

/** Staff accounts as an admin runs them (issue 14): the admin side of app_user. */
@Module({ imports: [AuthModule, AuditModule], controllers: [StaffController], providers: [StaffAccountsRepository, StaffService] })
export class StaffModule {}

import { Module } from '@nestjs/common';
import { ReportRecordRepository } from './report-record.repository';
import { ReportRecordService } from './report-record.service';

@Module({ providers: [ReportRecordRepository, ReportRecordService], exports: [ReportRecordService] })
export class ReportRecordModule {}

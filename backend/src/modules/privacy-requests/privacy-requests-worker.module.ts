import { Module } from '@nestjs/common';
import { PrivacyRequestsModule } from './privacy-requests.module';
import { PrivacyRequestsProcessor } from './privacy-requests.processor';

@Module({ imports: [PrivacyRequestsModule], providers: [PrivacyRequestsProcessor] })
export class PrivacyRequestsWorkerModule {}

import { Module } from '@nestjs/common';
import { ClockModule } from '../../engine/clock/clock.module';
import { PrivacyModule } from './privacy.module';
import { RetentionProcessor } from './retention.processor';

@Module({ imports: [ClockModule, PrivacyModule], providers: [RetentionProcessor] })
export class PrivacyWorkerModule {}

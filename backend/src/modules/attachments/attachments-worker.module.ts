import { Module } from '@nestjs/common';
import { ClockModule } from '../../engine/clock/clock.module';
import { AttachmentsModule } from './attachments.module';
import { UploadsPurgeProcessor } from './uploads-purge.processor';

@Module({ imports: [AttachmentsModule, ClockModule], providers: [UploadsPurgeProcessor] })
export class AttachmentsWorkerModule {}

import { Module } from '@nestjs/common';
import { AttachmentsModule } from './attachments.module';
import { UploadsPurgeProcessor } from './uploads-purge.processor';

@Module({ imports: [AttachmentsModule], providers: [UploadsPurgeProcessor] })
export class AttachmentsWorkerModule {}

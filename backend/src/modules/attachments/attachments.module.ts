import { Module } from '@nestjs/common';
import { ClockModule } from '../../engine/clock/clock.module';
import { RateLimitModule } from '../../engine/rate-limit/rate-limit.module';
import { AppConfig, StorageSettings } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { ATTACHMENT_STORAGE, AttachmentStorage } from './attachment-storage';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';
import { LocalDiskStorage } from './local-disk.storage';
import { createS3Client, S3Storage } from './s3.storage';

function createAttachmentStorage(s: StorageSettings): AttachmentStorage {
  return s.driver === 's3' ? new S3Storage(createS3Client(s.s3), s.s3.bucket) : new LocalDiskStorage(s.dir);
}

@Module({
  imports: [ClockModule, RateLimitModule],
  controllers: [AttachmentsController],
  providers: [
    AttachmentsRepository,
    AttachmentsService,
    // The one place that picks the storage driver (config STORAGE_DRIVER).
    { provide: ATTACHMENT_STORAGE, inject: [APP_CONFIG], useFactory: (c: AppConfig) => createAttachmentStorage(c.storage) },
  ],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}

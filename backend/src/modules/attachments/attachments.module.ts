import { Module } from '@nestjs/common';
import { ClockModule } from '../../engine/clock/clock.module';
import { RateLimitModule } from '../../engine/rate-limit/rate-limit.module';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { ATTACHMENT_STORAGE } from './attachment-storage';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';
import { LocalDiskStorage } from './local-disk.storage';

@Module({
  imports: [ClockModule, RateLimitModule],
  controllers: [AttachmentsController],
  providers: [
    AttachmentsRepository,
    AttachmentsService,
    // The one place that picks the storage driver (see AttachmentStorage for the S3 seam).
    { provide: ATTACHMENT_STORAGE, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new LocalDiskStorage(c.storageDir) },
  ],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}

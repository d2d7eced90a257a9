import { Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { ClockModule } from '../../engine/clock/clock.module';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { ReporterAccessModule } from '../reporter-access/reporter-access.module';
import { PrivacyCodesModule } from '../privacy-codes/privacy-codes.module';
import { EMAIL_DRIVER, INTERNAL_DRIVER, NotificationDriver, SMS_DRIVER } from './notification-driver';
import { NotificationDeliveryProcessor } from './notification-delivery.processor';
import { NotificationDeliveryRepository } from './notification-delivery.repository';
import { NotificationDeliveryService } from './notification-delivery.service';
import { RecordingDriver } from './recording.driver';
import { SmtpDriver } from './smtp.driver';

/** Delivery runs in the worker only: the API process records notifications and never opens SMTP. */
@Module({
  imports: [ClockModule, ReporterAccessModule, PrivacyCodesModule],
  providers: [
    // Internal (unit) notifications are read in the officials' UI: recording is their delivery.
    { provide: INTERNAL_DRIVER, useFactory: (): NotificationDriver => new RecordingDriver() },
    {
      provide: EMAIL_DRIVER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): NotificationDriver =>
        config.notifications.emailDriver === 'smtp' && config.notifications.smtpUrl
          ? new SmtpDriver(config.notifications.smtpUrl, config.notifications.smtpFrom)
          : new RecordingDriver(),
    },
    // No SMS gateway yet (see SmsDriver): messages are recorded.
    { provide: SMS_DRIVER, useFactory: (): NotificationDriver => new RecordingDriver() },
    NotificationDeliveryRepository,
    NotificationDeliveryService,
    NotificationDeliveryProcessor,
  ],
})
export class NotificationsWorkerModule implements OnModuleDestroy {
  constructor(@Inject(EMAIL_DRIVER) private readonly email: NotificationDriver) {}

  onModuleDestroy(): void {
    if (this.email instanceof SmtpDriver) this.email.close();
  }
}

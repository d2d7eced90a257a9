import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConfigModule } from './engine/config/config.module';
import { DatabaseModule } from './engine/database/database.module';
import { LoggingModule } from './engine/logging/logging.module';
import { OutboxRelayModule } from './engine/outbox/outbox-relay.module';
import { JobHandlersCheck } from './engine/queue/job-handlers.check';
import { QueueModule } from './engine/queue/queue.module';
import { RedisModule } from './engine/redis/redis.module';
import { MapsWorkerModule } from './modules/maps/maps-worker.module';
import { AttachmentsWorkerModule } from './modules/attachments/attachments-worker.module';
import { NotificationsWorkerModule } from './modules/notifications/notifications-worker.module';
import { PrivacyWorkerModule } from './modules/privacy/privacy-worker.module';
import { RoutingWorkerModule } from './modules/routing/routing-worker.module';
import { SlaWorkerModule } from './modules/sla/sla-worker.module';

/** The worker process: outbox relay, BullMQ processors, SLA sweeper and reconciler, map aggregator, retention of personal data; no HTTP. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    RedisModule,
    QueueModule,
    DiscoveryModule,
    OutboxRelayModule,
    RoutingWorkerModule,
    SlaWorkerModule,
    AttachmentsWorkerModule,
    NotificationsWorkerModule,
    MapsWorkerModule,
    PrivacyWorkerModule,
  ],
  // Refuses to boot while a registered job name has no handler (engine/queue/queue-jobs.ts).
  providers: [JobHandlersCheck],
})
export class WorkerModule {}

import { Module } from '@nestjs/common';
import { PLATFORM_MODULES } from './engine/platform-modules';
import { DiscoveryModule } from '@nestjs/core';
import { OutboxRelayModule } from './engine/outbox/outbox-relay.module';
import { JobHandlersCheck } from './engine/queue/job-handlers.check';
import { WorkerDrain } from './engine/queue/worker-drain';
import { MapsWorkerModule } from './modules/maps/maps-worker.module';
import { AttachmentsWorkerModule } from './modules/attachments/attachments-worker.module';
import { NotificationsWorkerModule } from './modules/notifications/notifications-worker.module';
import { PrivacyWorkerModule } from './modules/privacy/privacy-worker.module';
import { PrivacyRequestsWorkerModule } from './modules/privacy-requests/privacy-requests-worker.module';
import { RoutingWorkerModule } from './modules/routing/routing-worker.module';
import { SlaWorkerModule } from './modules/sla/sla-worker.module';

/** The worker process: outbox relay, BullMQ processors, SLA sweeper and reconciler, map aggregator, retention of personal data; no HTTP. */
@Module({
  imports: [
    ...PLATFORM_MODULES,
    DiscoveryModule,
    OutboxRelayModule,
    RoutingWorkerModule,
    SlaWorkerModule,
    AttachmentsWorkerModule,
    NotificationsWorkerModule,
    MapsWorkerModule,
    PrivacyWorkerModule,
    PrivacyRequestsWorkerModule,
  ],
  // Refuses to boot while a registered job name has no handler (engine/queue/queue-jobs.ts).
  // WorkerDrain: on SIGTERM, running jobs finish before the pools close.
  providers: [JobHandlersCheck, WorkerDrain],
})
export class WorkerModule {}

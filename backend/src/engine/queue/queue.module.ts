import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import type { ConnectionOptions } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { JobSchedules } from './job-schedules';
import { QueueErrorLogger } from './queue-error-logger';
import { QueueName } from './queue-name';
import { redisOptions } from '../redis/redis-connection';

// The SLA queue holds up to one timer per running clock (hundreds of thousands): its jobs carry
// no default options, which BullMQ would copy into every job hash (see SlaTimersService).
const queues = Object.values(QueueName).map((name) =>
  BullModule.registerQueue(name === QueueName.Sla ? { name, defaultJobOptions: {} } : { name }),
);

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // BullMQ makes its connections from these (ioredis options; BullMQ's copy of the type is narrower).
        connection: redisOptions(config.redis, 'queue', 'hcmc1022-queue') as ConnectionOptions,
        prefix: config.redis.queuePrefix,
        defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000, attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
      }),
    }),
    ...queues,
  ],
  providers: [QueueErrorLogger, JobSchedules],
  exports: [...queues, JobSchedules],
})
export class QueueModule {}

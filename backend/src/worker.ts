import 'reflect-metadata';
import { loadConfig } from './engine/config/app-config';
import { bootExitCode, refuseUnsafeSettings } from './engine/health/startup-checks';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  await refuseUnsafeSettings(loadConfig());
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Logger).log('worker started');
}

bootstrap().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(bootExitCode(err));
});

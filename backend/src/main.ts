import 'reflect-metadata';
import { bootExitCode, refuseUnsafeSettings } from './engine/health/startup-checks';
import { createHttpApp } from './engine/http/http-app';
import { AppConfig, loadConfig } from './engine/config/app-config';
import { APP_CONFIG } from './engine/config/config.module';

async function bootstrap(): Promise<void> {
  await refuseUnsafeSettings(loadConfig());
  const app = await createHttpApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.http.port, config.http.host);
}

bootstrap().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(bootExitCode(err));
});

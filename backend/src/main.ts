import 'reflect-metadata';
import { createHttpApp } from './engine/http/http-app';
import { AppConfig } from './engine/config/app-config';
import { APP_CONFIG } from './engine/config/config.module';

async function bootstrap(): Promise<void> {
  const app = await createHttpApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.http.port, config.http.host);
}

bootstrap().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

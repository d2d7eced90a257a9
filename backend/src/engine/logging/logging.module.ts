import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

/** JSON lines on stdout (pino); credentials and reporters' contact never reach a log line. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => ({
        pinoHttp: {
          level: c.logLevel,
          autoLogging: { ignore: (req) => QUIET_PATHS.has((req.url ?? '').split('?')[0]) },
          redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', 'req.body.reporter'],
          customProps: () => ({ service: 'hcmc1022' }),
        },
      }),
    }),
  ],
})
export class LoggingModule {}

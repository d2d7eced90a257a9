import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { hostname } from 'node:os';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/**
 * JSON lines on stdout (pino); credentials and reporters' contact never reach a log line. The
 * access log is written by a Fastify hook (access-log.hook.ts), which knows the matched route;
 * pino-http only gives each request's log lines their `reqId` — never the request's URL or
 * headers, which may hold a reporter's secret, a searched number or an API key.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => ({
        // nestjs-pino's default route (`{/*splat}`) matches no request on the Fastify adapter: its
        // middleware never ran, so lines written while handling a request had no `reqId`.
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: c.logLevel,
          autoLogging: false,
          quietReqLogger: true,
          quietResLogger: true,
          redact: [
            'req.headers.authorization',
            'req.headers.cookie',
            'req.headers["x-reporter-secret"]',
            'req.body.password',
            'req.body.reporter',
          ],
          base: { pid: process.pid, hostname: hostname(), service: 'hcmc1022' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}

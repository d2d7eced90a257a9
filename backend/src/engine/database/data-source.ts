import { Logger } from '@nestjs/common';
import { Client, ClientConfig } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../../migrations';
import { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';

const logger = new Logger('Database');

/**
 * Every connection of the pool, with an 'error' listener for its whole life. node-postgres
 * emits 'error' on a connection that breaks (a restart's 57P01, a reset socket) and pg-pool
 * listens only while the connection is idle: one broken while checked out (the outbox relay
 * holds one while it waits on Redis) had no listener and the process died of an unhandled
 * 'error' event. The query in flight fails on its own and the pool drops the connection on
 * release; this listener only says so.
 */
export class ListenedClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', (err) => logger.warn(`a database connection broke: ${err.message}`));
  }
}

export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.database.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // TypeORM's own pool 'error' handler stays (idle connections that break).
    extra: {
      max: config.database.poolSize,
      application_name: 'hcmc1022',
      Client: ListenedClient,
      // With the database away a request waits this long for a connection, then hears 503.
      connectionTimeoutMillis: config.database.connectTimeoutMs,
      // Session settings sent at connect: a statement past the limit is cancelled (503), and a
      // transaction left open by a crash in the middle of it is ended by the server.
      ...(config.database.statementTimeoutMs > 0 ? { statement_timeout: config.database.statementTimeoutMs } : {}),
      idle_in_transaction_session_timeout: config.database.idleInTransactionTimeoutMs,
    },
  };
}

export function createDataSource(config: AppConfig): DataSource {
  return new DataSource(dataSourceOptions(config));
}

import { Global, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source';
import { openReadDataSource, READ_DATA_SOURCE, ReadReplica } from './read-replica';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config), migrationsRun: false }),
    }),
  ],
  providers: [
    {
      provide: READ_DATA_SOURCE,
      inject: [APP_CONFIG, getDataSourceToken()],
      useFactory: (config: AppConfig, primary: DataSource) => openReadDataSource(config, primary),
    },
    ReadReplica,
  ],
  exports: [READ_DATA_SOURCE, ReadReplica],
})
export class DatabaseModule {}

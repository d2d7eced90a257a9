import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ConfigModule } from './engine/config/config.module';
import { DatabaseModule } from './engine/database/database.module';
import { HttpExceptionFilter } from './engine/errors/http-exception.filter';
import { createValidationPipe } from './engine/errors/validation';
import { HealthModule } from './engine/health/health.module';
import { LoggingModule } from './engine/logging/logging.module';
import { QueueModule } from './engine/queue/queue.module';
import { RedisModule } from './engine/redis/redis.module';
import { AttachmentsModule } from './modules/attachments/attachments.module';
import { AuthModule } from './modules/auth/auth.module';
import { CalendarModule } from './modules/sla/calendar/calendar.module';
import { CategoriesModule } from './modules/categories/categories.module';
import { GeoModule } from './modules/geo/geo.module';
import { InsightsModule } from './modules/insights/insights.module';
import { IntakeModule } from './modules/intake/intake.module';
import { MapsModule } from './modules/maps/maps.module';
import { Open311Module } from './modules/open311/open311.module';
import { ReportsModule } from './modules/reports/reports.module';
import { RoutingModule } from './modules/routing/routing.module';
import { SlaModule } from './modules/sla/sla.module';
import { StaffModule } from './modules/staff/staff.module';
import { TicketsModule } from './modules/tickets/tickets.module';
import { UnitsModule } from './modules/units/units.module';

/** The HTTP API process. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    RedisModule,
    QueueModule,
    HealthModule,
    AuthModule,
    GeoModule,
    CategoriesModule,
    IntakeModule,
    ReportsModule,
    AttachmentsModule,
    Open311Module,
    RoutingModule,
    SlaModule,
    UnitsModule,
    TicketsModule,
    CalendarModule,
    InsightsModule,
    MapsModule,
    StaffModule,
  ],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: HttpExceptionFilter },
  ],
})
export class AppModule {}

import { Module } from '@nestjs/common';
import { PLATFORM_MODULES } from './engine/platform-modules';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { HttpExceptionFilter } from './engine/errors/http-exception.filter';
import { createValidationPipe } from './engine/errors/validation';
import { HealthModule } from './engine/health/health.module';
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
import { PrivacyRequestsModule } from './modules/privacy-requests/privacy-requests.module';

/** The HTTP API process. */
@Module({
  imports: [
    ...PLATFORM_MODULES,
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
    PrivacyRequestsModule,
  ],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: HttpExceptionFilter },
  ],
})
export class AppModule {}

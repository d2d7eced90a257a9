import { Module } from '@nestjs/common';
import { MetricsController } from '../metrics/metrics.controller';
import { MetricsAccessGuard } from '../metrics/metrics-access.guard';
import { MetricsService } from '../metrics/metrics.service';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({
  controllers: [HealthController, MetricsController],
  providers: [HealthService, MetricsService, MetricsAccessGuard],
  exports: [MetricsService],
})
export class HealthModule {}

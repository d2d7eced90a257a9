import { Module } from '@nestjs/common';
import { RoutingProcessor } from './routing.processor';
import { RoutingModule } from './routing.module';

@Module({ imports: [RoutingModule], providers: [RoutingProcessor] })
export class RoutingWorkerModule {}

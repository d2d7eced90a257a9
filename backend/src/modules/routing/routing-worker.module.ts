import { Module } from '@nestjs/common';
import { RoutingProcessor } from './routing.processor';
import { SlaModule } from '../sla/sla.module';
import { RoutingModule } from './routing.module';

@Module({ imports: [RoutingModule, SlaModule], providers: [RoutingProcessor] })
export class RoutingWorkerModule {}

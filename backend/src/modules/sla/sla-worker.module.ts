import { Module } from '@nestjs/common';
import { ClockModule } from '../../engine/clock/clock.module';
import { SlaReconcilerService } from './sla-reconciler.service';
import { SlaModule } from './sla.module';
import { SlaProcessor } from './sla.processor';

@Module({ imports: [ClockModule, SlaModule], providers: [SlaProcessor, SlaReconcilerService] })
export class SlaWorkerModule {}

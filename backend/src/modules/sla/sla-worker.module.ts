import { Module } from '@nestjs/common';
import { SlaReconcilerService } from './sla-reconciler.service';
import { SlaModule } from './sla.module';
import { SlaProcessor } from './sla.processor';

@Module({ imports: [SlaModule], providers: [SlaProcessor, SlaReconcilerService] })
export class SlaWorkerModule {}

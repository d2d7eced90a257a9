import { Module } from '@nestjs/common';
import { ClockModule } from '../../../engine/clock/clock.module';
import { ImportRepository } from './import.repository';
import { ImportService } from './import.service';

/** Bulk import of historical reports; run from the CLI (import.cli.ts), never over HTTP. */
@Module({ imports: [ClockModule], providers: [ImportRepository, ImportService], exports: [ImportService] })
export class ImportModule {}

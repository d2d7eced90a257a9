import { Module } from '@nestjs/common';
import { ImportRepository } from './import.repository';
import { ImportService } from './import.service';

/** Bulk import of historical reports; run from the CLI (import.cli.ts), never over HTTP. */
@Module({ providers: [ImportRepository, ImportService], exports: [ImportService] })
export class ImportModule {}

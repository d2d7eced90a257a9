import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule } from '../engine/config/config.module';
import { DatabaseModule } from '../engine/database/database.module';
import { ImportArgsError, parseImportArgs } from '../modules/intake/import/import-args';
import { ImportModule } from '../modules/intake/import/import.module';
import { formatSummary, ImportService } from '../modules/intake/import/import.service';

/** Only what an import needs: configuration, the database and the import itself. */
@Module({ imports: [ConfigModule, DatabaseModule, ImportModule] })
class ImportCliModule {}

async function main(): Promise<void> {
  const args = parseImportArgs(process.argv.slice(2));
  const app = await NestFactory.createApplicationContext(ImportCliModule, { logger: ['error', 'warn'] });
  try {
    const summary = await app.get(ImportService).importFile(args.file, {
      format: args.format,
      dryRun: args.dryRun,
      batchSize: args.batchSize,
      concurrency: args.concurrency,
      log: (line) => console.log(line),
    });
    console.log(formatSummary(summary));
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  console.error(err instanceof ImportArgsError ? err.message : `import failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

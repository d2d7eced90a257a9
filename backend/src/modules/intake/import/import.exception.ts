import { DomainException, ErrorCodeOf, errorCodes } from '../../../engine/errors/domain.exception';

export const ImportErrorCode = errorCodes('import', ['unreadable_file', 'missing_columns', 'malformed_file']);
export type ImportErrorCode = ErrorCodeOf<typeof ImportErrorCode>;

/** What stops a whole import (a bad row only ends up in the rejected file). */
export class ImportException extends DomainException {
  static unreadableFile(path: string, why: string): ImportException {
    return new ImportException('validation', ImportErrorCode.UnreadableFile, `cannot read ${path}: ${why}`);
  }

  static missingColumns(columns: string[]): ImportException {
    return new ImportException('validation', ImportErrorCode.MissingColumns, `the CSV header lacks column(s): ${columns.join(', ')}`);
  }

  static malformedFile(format: string, why: string): ImportException {
    return new ImportException('validation', ImportErrorCode.MalformedFile, `not a valid ${format} file: ${why}`);
  }
}

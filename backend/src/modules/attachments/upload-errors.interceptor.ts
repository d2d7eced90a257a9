import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { AttachmentsException } from './attachments.exception';
import { MAX_UPLOAD_BYTES } from './photo-encoder';

export const UPLOAD_FIELD = 'file';

/**
 * Bound outside the multipart interceptor: turns its generic HTTP errors into this module's
 * coded ones. It reports multer's messages ("Too many files", "Unexpected file field - x"),
 * which are the only thing that tells the cases apart.
 */
@Injectable()
export class UploadErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((err: unknown) => throwError(() => translate(err))));
  }
}

function translate(err: unknown): unknown {
  if (err instanceof PayloadTooLargeException) return AttachmentsException.fileTooLarge(MAX_UPLOAD_BYTES);
  if (!(err instanceof BadRequestException)) return err;
  if (err.message.startsWith('Too many files')) return AttachmentsException.tooManyFiles();
  const field = /^Unexpected file field - (.*)$/.exec(err.message)?.[1];
  if (field === UPLOAD_FIELD) return AttachmentsException.tooManyFiles();
  if (field !== undefined) return AttachmentsException.invalidForm(`the photo goes in a part named "${UPLOAD_FIELD}", not "${field}"`);
  return AttachmentsException.invalidForm(err.message);
}

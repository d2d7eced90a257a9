import { Controller, Get, Headers, HttpCode, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../engine/http/public.decorator';
import { RateLimit } from '../../engine/rate-limit/rate-limit.decorator';
import { AttachmentParams, attachmentParams, UploadResponse, uploadResponseSchema } from './attachments.dto';
import { AttachmentsService } from './attachments.service';
import { MAX_UPLOAD_BYTES } from './photo-encoder';
import { UPLOAD_FIELD, UploadErrorsInterceptor } from './upload-errors.interceptor';

// One file part and a few small text parts at most (a form may send its other fields along).
const UPLOAD_LIMITS = { files: 1, fileSize: MAX_UPLOAD_BYTES, fields: 10, fieldSize: 1024, parts: 11 };

@ApiTags('attachments')
@Public()
@Controller('api/v1')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post('uploads')
  @HttpCode(201)
  // A guard, so a refused upload is never read: a flood costs no decoding.
  @RateLimit('upload')
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor(UPLOAD_FIELD, { limits: UPLOAD_LIMITS }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description: 'One JPEG, PNG or WebP photo of at most 10 MB in the part "file". It is re-encoded without metadata (no EXIF/GPS).',
    schema: { type: 'object', required: [UPLOAD_FIELD], properties: { [UPLOAD_FIELD]: { type: 'string', format: 'binary' } } },
  })
  @ApiCreatedResponse({ description: 'The stored photo; attach it to a report by id within 24 h', schema: uploadResponseSchema })
  upload(@UploadedFile() file: UploadedMultipartFile | undefined): Promise<UploadResponse> {
    return this.attachments.upload(file?.buffer);
  }

  @Get('attachments/:id')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ description: 'The photo of a report, or an upload not yet attached (so the form can show it)' })
  async serve(
    @Param({ schema: attachmentParams }) p: AttachmentParams,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const photo = await this.attachments.serve(p.id, ifNoneMatch);
    void reply.header('etag', photo.etag).header('cache-control', photo.cacheControl);
    if (photo.notModified) return void reply.status(304).send();
    // The bytes were re-encoded by us, but the headers still forbid any reading other than as
    // an image: no sniffing into HTML, no scripts, no download prompt.
    void reply
      .header('content-type', photo.contentType)
      .header('content-length', String(photo.sizeBytes))
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `inline; filename="${photo.fileName}"`)
      .header('content-security-policy', "default-src 'none'")
      .send(photo.body);
  }
}

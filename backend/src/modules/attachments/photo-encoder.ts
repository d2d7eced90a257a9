import sharp from 'sharp';
import { AttachmentsException } from './attachments.exception';
import { PHOTO_CONTENT_TYPE, PhotoFormat, sniffImageType } from './image-type';

/** A phone photo is 2–6 MB; 10 MB leaves room for a 50-megapixel camera's JPEG. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * Decompression-bomb guard, checked on the header before decoding: 50 MP covers the largest
 * phone sensors in ordinary use (8160 × 6144), while a few hundred kilobytes of PNG can claim
 * gigapixels and take gigabytes of memory to decode.
 */
export const MAX_INPUT_PIXELS = 52_000_000;

/** Longest side kept: enough to read a house number or a licence plate on an officer's screen. */
export const MAX_OUTPUT_SIDE = 2560;

// 'error' rejects truncated and undecodable data but tolerates libjpeg warnings (for example
// extraneous bytes before a marker), which many cameras' otherwise good files trigger.
const FAIL_ON = 'error' as const;

export interface EncodedPhoto {
  data: Buffer;
  format: PhotoFormat;
  contentType: string;
  width: number;
  height: number;
}

/**
 * Turns untrusted bytes into a clean photo: type from the magic number, size from the header,
 * then a full decode and re-encode. Rotating by the EXIF orientation first and writing no
 * metadata drops EXIF (GPS position, camera serial, time), XMP, IPTC and the ICC profile, so a
 * published photo cannot reveal where or by whom it was taken.
 */
export async function encodePhoto(input: Buffer): Promise<EncodedPhoto> {
  const sniffed = sniffImageType(input);
  if (!sniffed.ok) throw AttachmentsException.unsupportedType(sniffed.detected);
  const { format } = sniffed;

  const meta = await sharp(input, { failOn: FAIL_ON, limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw AttachmentsException.invalidImage(format);
    });
  // libvips picks its decoder from the bytes too; a mismatch means a crafted file.
  if (meta.format !== format || !meta.width || !meta.height) throw AttachmentsException.invalidImage(format);
  if (meta.width * meta.height > MAX_INPUT_PIXELS) throw AttachmentsException.tooManyPixels(meta.width, meta.height, MAX_INPUT_PIXELS);

  const pipeline = sharp(input, { failOn: FAIL_ON, limitInputPixels: MAX_INPUT_PIXELS, autoOrient: true }).resize({
    width: MAX_OUTPUT_SIDE,
    height: MAX_OUTPUT_SIDE,
    fit: 'inside',
    withoutEnlargement: true,
  });
  const encoder =
    format === 'jpeg' ? pipeline.jpeg({ quality: 85, mozjpeg: true }) : format === 'png' ? pipeline.png() : pipeline.webp({ quality: 85 });
  try {
    const { data, info } = await encoder.toBuffer({ resolveWithObject: true });
    return { data, format, contentType: PHOTO_CONTENT_TYPE[format], width: info.width, height: info.height };
  } catch (err) {
    if (err instanceof Error && /pixel limit/i.test(err.message))
      throw AttachmentsException.tooManyPixels(meta.width, meta.height, MAX_INPUT_PIXELS);
    throw AttachmentsException.invalidImage(format);
  }
}

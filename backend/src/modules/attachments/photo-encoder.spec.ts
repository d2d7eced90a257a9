import sharp from 'sharp';
import { crc32 } from 'node:zlib';
import { AttachmentsErrorCode, AttachmentsException } from './attachments.exception';
import { encodePhoto, MAX_OUTPUT_SIDE } from './photo-encoder';

// Where the photo was taken (Bến Thành market) and by which camera: what must never be published.
const PRIVATE_EXIF = {
  IFD0: { Make: 'TestCam', Model: 'Serial 0042', Artist: 'Nguyễn Văn A' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '10/1 46/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '106/1 41/1 5000/100' },
};

/** 40 × 20: left half red, right half blue, so a rotation shows in the pixels. */
function halves(width = 40, height = 20, channels: 3 | 4 = 3): sharp.Sharp {
  const raw = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      raw[i + (x < width / 2 ? 0 : 2)] = 255;
      if (channels === 4) raw[i + 3] = 200;
    }
  }
  return sharp(raw, { raw: { width, height, channels } });
}

/** Noise compresses badly, so a cut file really misses image data, not just trailing padding. */
function noise(width: number, height: number): sharp.Sharp {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919 + (i >> 5) * 31) % 256;
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

/** A valid 1 × 1 PNG whose header claims another size: the classic decompression bomb. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
      .png()
      .toBuffer(),
  );
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

async function pixel(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [...data.subarray(i, i + 3)];
}

const isRed = ([r, g, b]: number[]) => r > 200 && g < 60 && b < 60;
const isBlue = ([r, g, b]: number[]) => b > 200 && r < 60 && g < 60;

describe('encodePhoto', () => {
  // EXIF orientation 6: the camera was held upright, so the stored 40 × 20 is shown as 20 × 40
  // with the left (red) half on top.
  const accepted: [string, () => Promise<Buffer>, string, number, number, [number, number, (p: number[]) => boolean][]][] = [
    [
      'JPEG with GPS EXIF and orientation 6',
      () => halves().jpeg().withExif(PRIVATE_EXIF).withMetadata({ orientation: 6 }).toBuffer(),
      'jpeg',
      20,
      40,
      [
        [10, 5, isRed],
        [10, 35, isBlue],
      ],
    ],
    [
      'PNG with EXIF and alpha',
      () => halves(40, 20, 4).png().withExif(PRIVATE_EXIF).toBuffer(),
      'png',
      40,
      20,
      [
        [5, 10, isRed],
        [35, 10, isBlue],
      ],
    ],
    [
      'WebP with EXIF',
      () => halves().webp({ quality: 95 }).withExif(PRIVATE_EXIF).toBuffer(),
      'webp',
      40,
      20,
      [
        [5, 10, isRed],
        [35, 10, isBlue],
      ],
    ],
    ['oversized JPEG, scaled to the cap', () => noise(4000, 3000).jpeg().toBuffer(), 'jpeg', MAX_OUTPUT_SIDE, 1920, []],
  ];

  it.each(accepted)('re-encodes %s without any metadata', async (_name, make, format, width, height, pixels) => {
    const input = await make();
    expect((await sharp(input).metadata()).format).toBe(format);

    const out = await encodePhoto(input);

    expect(out.format).toBe(format);
    expect(out.contentType).toBe(`image/${format}`);
    expect([out.width, out.height]).toEqual([width, height]);
    const meta = await sharp(out.data).metadata();
    expect(meta.format).toBe(format);
    expect([meta.width, meta.height]).toEqual([width, height]);
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(out.data.includes(Buffer.from('TestCam'))).toBe(false);
    for (const [x, y, colour] of pixels) expect(colour(await pixel(out.data, x, y))).toBe(true);
  });

  it('keeps the EXIF in the test input, so the check above can fail', async () => {
    const input = await halves().jpeg().withExif(PRIVATE_EXIF).withMetadata({ orientation: 6 }).toBuffer();
    const meta = await sharp(input).metadata();
    expect(meta.exif?.includes(Buffer.from('TestCam'))).toBe(true);
    expect(meta.orientation).toBe(6);
  });

  const rejected: [string, () => Promise<Buffer>, AttachmentsErrorCode, RegExp][] = [
    ['GIF', () => halves().gif().toBuffer(), AttachmentsErrorCode.UnsupportedType, /GIF/],
    [
      'SVG named photo.jpg',
      async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      AttachmentsErrorCode.UnsupportedType,
      /SVG/,
    ],
    [
      'HTML named photo.jpg',
      async () => Buffer.from('<!DOCTYPE html><script>alert(1)</script>'),
      AttachmentsErrorCode.UnsupportedType,
      /HTML/,
    ],
    ['PDF named photo.jpg', async () => Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF'), AttachmentsErrorCode.UnsupportedType, /PDF/],
    [
      'truncated JPEG',
      async () => (await noise(800, 600).jpeg({ quality: 90 }).toBuffer()).subarray(0, 60_000),
      AttachmentsErrorCode.InvalidImage,
      /truncated or corrupt/,
    ],
    [
      'truncated PNG',
      async () => {
        const b = await noise(800, 600).png().toBuffer();
        return b.subarray(0, b.length >> 1);
      },
      AttachmentsErrorCode.InvalidImage,
      /truncated or corrupt/,
    ],
    [
      'JPEG magic followed by garbage',
      async () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 0x41)]),
      AttachmentsErrorCode.InvalidImage,
      /JPEG image is truncated or corrupt/,
    ],
    [
      '8000 × 8000 PNG (64 MP, 200 kB on the wire)',
      () =>
        sharp({ create: { width: 8000, height: 8000, channels: 3, background: '#fff' } })
          .png({ compressionLevel: 9 })
          .toBuffer(),
      AttachmentsErrorCode.TooLarge,
      /8000 × 8000/,
    ],
    ['PNG header claiming 100000 × 100000', () => pngClaiming(100_000, 100_000), AttachmentsErrorCode.TooLarge, /100000 × 100000/],
  ];

  it.each(rejected)('rejects %s', async (_name, make, code, message) => {
    const input = await make();
    const error = await encodePhoto(input).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AttachmentsException);
    expect((error as AttachmentsException).code).toBe(code);
    expect((error as AttachmentsException).message).toMatch(message);
    expect((error as AttachmentsException).details.messageVi).toEqual(expect.any(String));
    expect((error as AttachmentsException).details.issues).toEqual([
      expect.objectContaining({ field: 'file', message: (error as Error).message }),
    ]);
  });
});

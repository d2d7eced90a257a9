import { randomBytes, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { api } from '../support/api';
import { baseUrl } from '../support/browser';

// Chợ Bến Thành: inside Phường Bến Thành.
const BEN_THANH = { lat: 10.7725, lng: 106.6981 };

/** 40 × 20 JPEG, left half red, with the GPS position and camera of whoever took it, shot upright (orientation 6). */
function photoWithGps(): Promise<Buffer> {
  const raw = Buffer.alloc(40 * 20 * 3);
  for (let i = 0; i < 40 * 20; i++) raw[i * 3 + (i % 40 < 20 ? 0 : 2)] = 255;
  return sharp(raw, { raw: { width: 40, height: 20, channels: 3 } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'Serial 0042' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '10/1 46/1 2100/100', GPSLongitudeRef: 'E', GPSLongitude: '106/1 41/1 5300/100' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

function form(...files: { bytes: Buffer; name: string; type: string }[]): FormData {
  const f = new FormData();
  for (const p of files) f.append('file', new Blob([new Uint8Array(p.bytes)], { type: p.type }), p.name);
  return f;
}

async function upload(body: FormData): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}/api/v1/uploads`, { method: 'POST', body });
  return { status: res.status, body: await res.json() };
}

async function fetchPhoto(id: string): Promise<{ res: Response; bytes: Buffer }> {
  const res = await fetch(`${baseUrl}/api/v1/attachments/${id}`);
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('POST /api/v1/uploads and GET /api/v1/attachments/{id}', () => {
  it('takes a JPEG carrying GPS EXIF and serves it back upright, as an image, with no EXIF at all', async () => {
    const input = await photoWithGps();
    expect((await sharp(input).metadata()).exif?.includes(Buffer.from('TestCam'))).toBe(true);

    // The declared type and name are lies on purpose: only the bytes decide.
    const up = await upload(form({ bytes: input, name: 'IMG_0001.png', type: 'text/html' }));
    expect(up.status).toBe(201);
    expect(up.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      contentType: 'image/jpeg',
      width: 20,
      height: 40,
      sizeBytes: expect.any(Number),
    });

    const { res, bytes } = await fetchPhoto(up.body.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toMatch(/^inline/);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(bytes.length).toBe(up.body.sizeBytes);
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 20, height: 40 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(bytes.includes(Buffer.from('TestCam'))).toBe(false);

    // An immutable id: the ETag lets the browser revalidate for free.
    const again = await fetch(`${baseUrl}/api/v1/attachments/${up.body.id}`, { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('accepts a photo above the 1 MB JSON body limit and caps its longest side at 2560 px', async () => {
    const [w, h] = [3000, 2000];
    const big = await sharp(randomBytes(w * h * 3), { raw: { width: w, height: h, channels: 3 } })
      .jpeg({ quality: 95 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(3 * 1024 * 1024);

    const up = await upload(form({ bytes: big, name: 'street.jpg', type: 'image/jpeg' }));
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ contentType: 'image/jpeg', width: 2560, height: 1707 });
  });

  it('serves a photo attached to a report publicly cacheable, under the same id', async () => {
    const up = await upload(form({ bytes: await photoWithGps(), name: 'pothole.jpg', type: 'image/jpeg' }));
    expect(up.status).toBe(201);
    const unclaimed = await fetchPhoto(up.body.id);
    expect(unclaimed.res.headers.get('cache-control')).toBe('private, max-age=3600');

    const report = await api('POST', '/api/v1/reports', {
      json: { category: 'pothole', ...BEN_THANH, description: `Ổ gà có ảnh ${randomUUID()}`, photos: [up.body.id] },
    });
    expect(report.status).toBe(201);

    const attached = await fetchPhoto(up.body.id);
    expect(attached.res.status).toBe(200);
    expect(attached.res.headers.get('cache-control')).toBe('public, max-age=86400, immutable');
    expect(attached.res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(attached.bytes.equals(unclaimed.bytes)).toBe(true);
  });

  const jpegMagic = (rest: Buffer) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), rest]);
  const textOnly = () => {
    const f = new FormData();
    f.append('description', 'ổ gà, ảnh gửi sau');
    return f;
  };

  it.each([
    [
      'a PDF renamed photo.jpg',
      415,
      'attachments.unsupported_type',
      /PDF/,
      () => form({ bytes: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'), name: 'photo.jpg', type: 'image/jpeg' }),
    ],
    [
      'an SVG renamed photo.jpg',
      415,
      'attachments.unsupported_type',
      /SVG/,
      () =>
        form({ bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), name: 'photo.jpg', type: 'image/jpeg' }),
    ],
    [
      '11 MB',
      413,
      'attachments.too_large',
      /10 MB/,
      () => form({ bytes: jpegMagic(Buffer.alloc(11 * 1024 * 1024, 7)), name: 'big.jpg', type: 'image/jpeg' }),
    ],
    [
      'a corrupt JPEG',
      400,
      'attachments.invalid_image',
      /corrupt/,
      () => form({ bytes: jpegMagic(Buffer.alloc(4000, 0x41)), name: 'cut.jpg', type: 'image/jpeg' }),
    ],
    [
      'two files',
      400,
      'attachments.too_many_files',
      /One photo/,
      () => form(...[1, 2].map(() => ({ bytes: jpegMagic(Buffer.alloc(10)), name: 'a.jpg', type: 'image/jpeg' }))),
    ],
    ['a form with no file', 400, 'attachments.missing_file', /No photo/, textOnly],
  ])('rejects %s with %i %s', async (_name, status, code, message, body) => {
    const r = await upload(body());
    expect(r.status).toBe(status);
    expect(r.body).toMatchObject({ statusCode: status, code, message: expect.stringMatching(message), messageVi: expect.any(String) });
    expect(r.body.issues).toEqual([expect.objectContaining({ field: 'file', messageVi: expect.any(String) })]);
  });

  it('answers 400 naming the field for an id that is not a UUID, and 404 for an unknown one', async () => {
    const bad = await api('GET', '/api/v1/attachments/..%2F..%2Fetc%2Fpasswd');
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([expect.objectContaining({ field: 'id' })]);
    const unknown = await api('GET', `/api/v1/attachments/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('attachments.not_found');
  });
});

import { sniffImageType } from './image-type';

const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffImageType', () => {
  it.each([
    ['JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'jpeg'],
    ['JPEG (Exif)', bytes([0xff, 0xd8, 0xff, 0xe1]), 'jpeg'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'), 'png'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'webp'],
  ])('accepts %s', (_name, input, format) => {
    expect(sniffImageType(input)).toEqual({ ok: true, format });
  });

  it.each([
    ['GIF', bytes('GIF89a', [1, 0, 1, 0]), 'a GIF image'],
    ['PDF renamed .jpg', bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'a PDF document'],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'SVG, HTML or XML text'],
    ['SVG with XML prolog and BOM', bytes([0xef, 0xbb, 0xbf], '  <?xml version="1.0"?><svg/>'), 'SVG, HTML or XML text'],
    ['HTML', bytes('\n<!doctype html><html><body>hi</body></html>'), 'SVG, HTML or XML text'],
    ['HEIC', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]), 'a HEIC image'],
    ['RIFF that is not WebP (WAV)', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), 'of an unknown type'],
    ['JPEG magic cut short', bytes([0xff, 0xd8]), 'of an unknown type'],
    ['plain text', bytes('hello'), 'of an unknown type'],
    ['nothing', Buffer.alloc(0), 'empty'],
  ])('rejects %s, naming it', (_name, input, detected) => {
    expect(sniffImageType(input)).toEqual({ ok: false, detected });
  });
});

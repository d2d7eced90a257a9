import { escapeXml, toXml } from './xml-serializer';
import { itMapsEach } from '../../testing/table';

const ITEMS = { services: 'service', values: 'value', errors: 'error' };

describe('escapeXml', () => {
  itMapsEach('%j → %j', escapeXml, [
    ['a < b', 'a &lt; b'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['"quoted"', '&quot;quoted&quot;'],
    ["it's", 'it&apos;s'],
    ['x > y', 'x &gt; y'],
    ['&amp;', '&amp;amp;'],
    ['<script>alert("x")</script>', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'],
    ['Ổ gà đường Lê Lợi', 'Ổ gà đường Lê Lợi'],
    ['line\nbreak\ttab', 'line\nbreak\ttab'],
    // Not representable in XML 1.0 at all: removed rather than breaking the document.
    ['bell\u0007 nul\u0000 esc\u001b', 'bell nul esc'],
    ['\uFFFE\uFFFF', ''],
    ['lone \uD800 surrogate', 'lone  surrogate'],
    ['emoji 🚧', 'emoji 🚧'],
  ]);
});

describe('toXml', () => {
  it('writes the declaration and one element per key, lists by their item name', () => {
    const xml = toXml(
      'services',
      [
        { service_code: 'pothole', metadata: true, keywords: 'ổ gà, o ga' },
        { service_code: 'noise', metadata: false },
      ],
      ITEMS,
    );
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n' +
        '<services><service><service_code>pothole</service_code><metadata>true</metadata><keywords>ổ gà, o ga</keywords></service>' +
        '<service><service_code>noise</service_code><metadata>false</metadata></service></services>\n',
    );
  });

  it('writes null and empty text as empty elements and leaves undefined out', () => {
    expect(toXml('request', { a: null, b: '', c: undefined, d: 0 }, ITEMS)).toContain('<request><a/><b/><d>0</d></request>');
  });

  it('nests lists inside objects', () => {
    expect(toXml('attribute', { code: 'depth', values: [{ key: 'k', name: 'Dưới 20 cm' }] }, ITEMS)).toContain(
      '<attribute><code>depth</code><values><value><key>k</key><name>Dưới 20 cm</name></value></values></attribute>',
    );
  });

  it('writes an empty list as an empty element', () => {
    expect(toXml('errors', [], ITEMS)).toContain('<errors/>');
  });

  it('escapes text so that markup in a description stays text', () => {
    const xml = toXml('errors', [{ code: 400, description: `</description><code>200</code> & "'` }], ITEMS);
    expect(xml).toContain('<description>&lt;/description&gt;&lt;code&gt;200&lt;/code&gt; &amp; &quot;&apos;</description>');
    expect(xml.match(/<code>/g)).toHaveLength(1);
  });

  it('refuses a list it has no item name for', () => {
    expect(() => toXml('things', [1], ITEMS)).toThrow('things');
  });
});

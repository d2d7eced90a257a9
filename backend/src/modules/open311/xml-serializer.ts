export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [name: string]: XmlValue };

// XML 1.0 cannot carry these code points at all, not even escaped; a control character pasted
// into a description would otherwise make the whole feed unparseable.
// eslint-disable-next-line no-control-regex -- tab, line feed and carriage return are the control characters XML allows
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * Writes a document the way GeoReport v2 maps JSON to XML (the "Spark convention"): an object
 * becomes child elements in key order, a list repeats the element named in `itemNames` for it
 * (services → service), null becomes an empty element and undefined is left out.
 */
export function toXml(root: string, value: XmlValue, itemNames: Readonly<Record<string, string>>): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, itemNames)}\n`;
}

function element(name: string, value: XmlValue, itemNames: Readonly<Record<string, string>>): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = itemNames[name];
    if (!item) throw new Error(`No XML element name for the items of "${name}"`);
    return wrap(name, value.map((v) => element(item, v, itemNames)).join(''));
  }
  if (typeof value === 'object') {
    return wrap(
      name,
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => element(k, v, itemNames))
        .join(''),
    );
  }
  return wrap(name, escapeXml(String(value)));
}

function wrap(name: string, inner: string): string {
  return inner === '' ? `<${name}/>` : `<${name}>${inner}</${name}>`;
}

/**
 * Contact details unique to one test run, to be typed into reports and then looked for where
 * they must not appear: each value as it is written, and a phone number also without its leading
 * 0 (so +84… is caught too).
 */
export function seededPersonalValues(): { values: Record<string, string>; phone(n: number): string } {
  const stamp = `${Date.now()}`.slice(-8);
  const letters = stamp.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);
  /** A phone number no other suite uses: 09 + 8 digits, the last one told apart by `n`. */
  const phone = (n: number) => `09${stamp.slice(0, 7)}${n}`;
  const values = {
    reporterName: `Riêngtư ${letters} Hoa`,
    reporterPhone: phone(1),
    reporterEmail: `bimat.${letters}@example.com`,
    typedPhone: phone(2),
    typedEmail: `go.vao.${letters}@example.net`,
    callerPhone: phone(3),
    open311Name: `Kínđáo ${letters}`,
    open311Phone: phone(4),
    open311Email: `open311.${letters}@example.org`,
    open311TypedPhone: phone(5),
    hiddenName: `Ẩndanh ${letters} Tâm`,
    hiddenPhone: phone(6),
    hiddenEmail: `an.danh.${letters}@example.vn`,
  };
  return { values, phone };
}

/** The names of the seeded values found in `text` (case-insensitive). */
export function leaksIn(values: Record<string, string>, text: string): string[] {
  const lower = text.toLowerCase();
  return Object.entries(values)
    .map(([field, value]) => [field, /^0\d+$/.test(value) ? value.slice(1) : value])
    .filter(([, value]) => lower.includes(value.toLowerCase()))
    .map(([field]) => field);
}

import { searchKey } from '../geo/search-key';

/** A ward search hit, as the geo module answers it: the current unit and the name that matched. */
export interface WardHit {
  code: string;
  name: string;
  /** "Phường 7, Quận 5" for a former unit (name, former district), the bare name for a current one. */
  matched: string;
  current: boolean;
  lat: number;
  lng: number;
}

export type WardMatch =
  { kind: 'found'; ward: WardHit } | { kind: 'ambiguous'; wards: WardHit[] } | { kind: 'none'; suggestions: string[] };

const COMMUNE_WORDS = ['dac khu', 'thi tran', 'phuong', 'xa'];
// Before 1 July 2025 wards sat in districts; people still write them. "tp" also starts the city.
const DISTRICT_WORDS = ['thanh pho', 'thi xa', 'quan', 'huyen', 'tp'];
const CITY_OR_COUNTRY = /^(?:(?:tp|thanh pho) ?)?(?:ho chi minh|hcm|tphcm|hcmc|sai gon)$|^(?:viet nam|vietnam|vn)$/;
const ABBREVIATIONS: Record<string, string> = { p: 'phuong', f: 'phuong', q: 'quan', h: 'huyen', x: 'xa' };

/** searchKey plus the shorthand found on envelopes: "F7" and "P. Bến Thành", "Phường 07". */
function addressKey(text: string): string {
  return searchKey(text.replace(/\b[Ff]\.?\s?(\d{1,2})\b/g, 'P$1'))
    .split(' ')
    .map((t) => ABBREVIATIONS[t] ?? t)
    .join(' ')
    .replace(/\b0+(\d)/g, '$1');
}

function startsWithAny(part: string, words: readonly string[]): string | undefined {
  return words.find((w) => part === w || part.startsWith(`${w} `));
}

/**
 * The address in comparable pieces, one per comma-separated part as people write them
 * ("12 Lê Lợi, P. Bến Thành, Q1, TP.HCM" → ["12 le loi", "phuong ben thanh", "quan 1"]); the city
 * and the country are dropped. A name is only looked for inside one piece.
 */
export function addressParts(address: string): string[] {
  return address
    .split(/[,;\n()]|\s[-–]\s/)
    .map(addressKey)
    .filter((p) => p !== '' && !CITY_OR_COUNTRY.test(p));
}

/**
 * What to ask the ward search, whose trigram match wants short queries: each place-like piece,
 * joined with the district piece after it; inside a long piece with no commas, the words from
 * each ward word on ("... phuong ben thanh quan 1 ...").
 */
export function addressQueries(parts: readonly string[], max = 8): string[] {
  const queries: string[] = [];
  parts.forEach((part, i) => {
    if (startsWithAny(part, DISTRICT_WORDS)) return;
    const tokens = part.split(' ');
    const next = parts[i + 1];
    // A house number and street first, or many words: not a place name as a whole.
    const whole = !/^\d/.test(part) && tokens.length <= 6;
    if (whole) {
      if (next && startsWithAny(next, DISTRICT_WORDS)) queries.push(`${part} ${next}`);
      queries.push(part);
      return;
    }
    tokens.forEach((_, t) => {
      const rest = tokens.slice(t).join(' ');
      if (!startsWithAny(rest, COMMUNE_WORDS)) return;
      if (tokens.length - t <= 4 && next && startsWithAny(next, DISTRICT_WORDS)) queries.push(`${rest} ${next}`);
      queries.push(tokens.slice(t, t + 6).join(' '), tokens.slice(t, t + 3).join(' '));
    });
  });
  return [...new Set(queries)].slice(0, max);
}

const containsPhrase = (parts: readonly string[], phrase: string) => phrase !== '' && parts.some((p) => ` ${p} `.includes(` ${phrase} `));

/** "phuong ben thanh" → "ben thanh"; null when the bare name is a number ("phuong 7" means nothing alone). */
function bareName(key: string, words: readonly string[]): string | null {
  const word = startsWithAny(key, words);
  const bare = word ? key.slice(word.length).trim() : key;
  return bare === '' || /^\d+$/.test(bare) ? null : bare;
}

/** How well the address names a hit: 0 when it does not; current names beat former ones, full names bare ones. */
export function matchScore(parts: readonly string[], hit: WardHit): number {
  const [wardName, districtName] = hit.matched.split(', ');
  const ward = addressKey(wardName);
  const bare = bareName(ward, COMMUNE_WORDS);
  const wardFull = containsPhrase(parts, ward);
  const wardNamed = wardFull || (bare !== null && containsPhrase(parts, bare));
  if (!wardNamed) return 0;
  if (hit.current) return (wardFull ? 3000 : 1000) + ward.length;
  if (!districtName) return bare !== null ? 2000 + ward.length : 0;
  const district = addressKey(districtName);
  const districtBare = bareName(district, DISTRICT_WORDS);
  const districtNamed = containsPhrase(parts, district) || (districtBare !== null && containsPhrase(parts, districtBare));
  return districtNamed ? 2000 + ward.length + district.length : 0;
}

/**
 * Picks the current ward an address names. A former ward that was split between several new
 * ones cannot be placed from its name alone, and neither can two different wards named equally
 * well: both are reported as ambiguous rather than guessed, since a wrong ward routes the report
 * to the wrong People's Committee.
 */
export function pickWard(parts: readonly string[], hits: readonly WardHit[]): WardMatch {
  const best = new Map<string, { hit: WardHit; score: number }>();
  for (const hit of hits) {
    const score = matchScore(parts, hit);
    if (score > 0 && score > (best.get(hit.code)?.score ?? 0)) best.set(hit.code, { hit, score });
  }
  const ranked = [...best.values()].sort((a, b) => b.score - a.score);
  if (ranked.length === 0) return { kind: 'none', suggestions: [...new Set(hits.map((h) => h.matched))].slice(0, 3) };
  const top = ranked.filter((r) => r.score === ranked[0].score);
  return top.length === 1 ? { kind: 'found', ward: top[0].hit } : { kind: 'ambiguous', wards: top.map((r) => r.hit) };
}

import { foldText } from '../../i18n/foldText';
import type { WardName } from '../adminQueries';

/** Where a rule applies: one ward or commune, or the whole city. */
export type WardChoice = { kind: 'ward'; code: string; name: string } | { kind: 'city' };

const PREFIX = /^(phuong|xa|dac khu|thi tran) /;

interface IndexedWard {
  ward: WardName;
  folded: string;
  /** The name without "Phường"/"Xã": "ben thanh" for Phường Bến Thành. */
  short: string;
}

export function indexWards(wards: readonly WardName[]): IndexedWard[] {
  return wards.map((ward) => {
    const folded = foldText(ward.name);
    return { ward, folded, short: folded.replace(PREFIX, '') };
  });
}

/**
 * Wards whose name contains what was typed, accents and case ignored ("ben thanh", "Bến Thành"
 * and "BEN THANH" all find Phường Bến Thành); names that start with it come first.
 */
export function matchWards(index: readonly IndexedWard[], query: string, limit: number): WardName[] {
  const folded = foldText(query);
  if (folded === '') return index.slice(0, limit).map((entry) => entry.ward);
  const starts: WardName[] = [];
  const contains: WardName[] = [];
  for (const entry of index) {
    if (entry.short.startsWith(folded) || entry.folded.startsWith(folded)) starts.push(entry.ward);
    else if (entry.folded.includes(folded)) contains.push(entry.ward);
  }
  return [...starts, ...contains].slice(0, limit);
}

/** True when the typed text asks for the city-wide choice (or nothing yet). */
export function matchesCityWide(query: string, labels: readonly string[]): boolean {
  const folded = foldText(query);
  return folded === '' || labels.some((label) => foldText(label).includes(folded));
}

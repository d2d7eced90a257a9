import { foldText } from '../i18n/foldText';
import type { QueueItem } from './workbenchQueries';

export interface QueueFilter {
  status: string;
  category: string;
  ward: string;
  /** YYYY-MM-DD, city dates of filing, both ends included; '' for open. */
  from: string;
  to: string;
  text: string;
}

export const FILTER_KEYS = ['status', 'category', 'ward', 'from', 'to', 'text'] as const satisfies readonly (keyof QueueFilter)[];

const cityDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The city calendar date (YYYY-MM-DD) of an instant. */
export function cityDateOf(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : cityDate.format(at);
}

/** Keeps the queue's order (most urgent first); the text matches code, category (both languages) and ward, without diacritics. */
export function filterQueue(items: readonly QueueItem[], filter: QueueFilter): QueueItem[] {
  const needle = foldText(filter.text.trim());
  return items.filter((item) => {
    if (filter.status && item.status !== filter.status) return false;
    if (filter.category && item.category.code !== filter.category) return false;
    if (filter.ward && item.ward.code !== filter.ward) return false;
    if (filter.from || filter.to) {
      const day = cityDateOf(item.createdAt);
      if (filter.from && day < filter.from) return false;
      if (filter.to && day > filter.to) return false;
    }
    if (needle) {
      const haystack = foldText([item.code, item.category.nameVi, item.category.nameEn, item.category.code, item.ward.name].join(' '));
      if (!haystack.includes(needle)) return false;
    }
    return true;
  });
}

/** The distinct values present in the queue, for the filter menus. */
export function queueChoices(items: readonly QueueItem[]) {
  const statuses = [...new Set(items.map((item) => item.status))];
  const categories = new Map<string, QueueItem['category']>();
  const wards = new Map<string, QueueItem['ward']>();
  for (const item of items) {
    categories.set(item.category.code, item.category);
    wards.set(item.ward.code, item.ward);
  }
  return {
    statuses,
    categories: [...categories.values()],
    wards: [...wards.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  };
}

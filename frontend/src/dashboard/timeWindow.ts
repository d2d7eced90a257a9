/**
 * The dashboard's time window: the last 30 or 90 days as a whole, or one day or one week of
 * them, stepped back from today. Days are city days (Asia/Ho_Chi_Minh, UTC+7 all year, no
 * daylight saving), so "a day" on the slider is the city's calendar day, not 24 hours ago.
 */

export type WindowKind = 'day' | 'week' | 'span';
export type SpanDays = 30 | 90;

export interface TimeSelection {
  kind: WindowKind;
  span: SpanDays;
  /** 0 = the window ending today; k = k windows back. Always 0 for 'span'. */
  step: number;
}

export interface WindowBounds {
  from: string;
  /** null for the window that ends now: the tiles then follow new reports as they arrive. */
  to: string | null;
}

export const DEFAULT_SELECTION: TimeSelection = { kind: 'span', span: 30, step: 0 };

const DAY_MS = 86_400_000;
// Vietnam has kept UTC+7 without daylight saving since 1975.
const CITY_OFFSET_MS = 7 * 3_600_000;

/** The instant at which the city day containing `now` began. */
export function cityDayStart(now: number): number {
  return Math.floor((now + CITY_OFFSET_MS) / DAY_MS) * DAY_MS - CITY_OFFSET_MS;
}

export function windowDays(selection: Pick<TimeSelection, 'kind' | 'span'>): number {
  return selection.kind === 'day' ? 1 : selection.kind === 'week' ? 7 : selection.span;
}

/** How many windows the slider offers: 30 or 90 days, 4 or 12 weeks, or the one span. */
export function stepCount(selection: Pick<TimeSelection, 'kind' | 'span'>): number {
  return selection.kind === 'span' ? 1 : Math.floor(selection.span / windowDays(selection));
}

export function clampStep(selection: TimeSelection): TimeSelection {
  const step = Math.min(Math.max(0, Math.round(selection.step)), stepCount(selection) - 1);
  return step === selection.step ? selection : { ...selection, step };
}

/**
 * Start and end of the selected window. Windows end at the end of a city day; the latest one
 * (step 0) has no end, so it reaches whatever was filed a second ago.
 */
export function windowBounds(selection: TimeSelection, now: number): WindowBounds {
  const { step } = clampStep(selection);
  const length = windowDays(selection) * DAY_MS;
  const end = cityDayStart(now) + DAY_MS - step * length;
  return { from: new Date(end - length).toISOString(), to: step === 0 ? null : new Date(end).toISOString() };
}

/** Bounds with both ends, for the figures endpoints: an open end is closed at `now` (to the minute). */
export function closedBounds(bounds: WindowBounds, now: number): { from: string; to: string } {
  return { from: bounds.from, to: bounds.to ?? new Date(Math.floor(now / 60_000) * 60_000).toISOString() };
}

/** The next step while playing, oldest window first; null once the latest has been shown. */
export function nextPlayStep(selection: TimeSelection): number | null {
  return selection.step > 0 ? selection.step - 1 : null;
}

/** Where playing starts: from the oldest window, or from the current one if it is not the latest. */
export function playStart(selection: TimeSelection): number {
  return selection.step > 0 ? selection.step : stepCount(selection) - 1;
}

/** The insights comparison period that matches the window (a day, a week, or a month for the span). */
export function comparePeriod(kind: WindowKind): 'day' | 'week' | 'month' {
  return kind === 'span' ? 'month' : kind;
}

/** The last city day inside the window, for its label (the end itself is the next midnight). */
export function lastDayOf(bounds: WindowBounds, now: number): number {
  return bounds.to === null ? now : Date.parse(bounds.to) - 1;
}

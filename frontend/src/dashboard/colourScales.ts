/** Colour scales of the dashboard layers, as plain functions and MapLibre expressions. */
import type { ExpressionSpecification } from 'maplibre-gl';

export type Rgb = [number, number, number];

/** Status colours shared by the cell circles, the points and the legend. */
export const STATUS_COLOURS = {
  open: '#2f6fb3',
  warning: '#e08e0b',
  overdue: '#c0392b',
  resolved: '#2e8b57',
} as const;
export type StatusColour = keyof typeof STATUS_COLOURS;
export const STATUS_ORDER: readonly StatusColour[] = ['open', 'warning', 'overdue', 'resolved'];

/**
 * A cell takes the colour of its worst status that holds at least this share of its reports:
 * one overdue ticket among forty does not paint a cell red, one in five does.
 */
export const WORST_SHARE = 0.2;

export interface StatusCounts {
  count: number;
  open?: number;
  warning?: number;
  overdue?: number;
  resolved?: number;
}

/** The same rule as {@link worstStatusExpression}, for the legend and the tests. */
export function worstStatus(cell: StatusCounts): StatusColour {
  const count = Math.max(cell.count, 1);
  if ((cell.overdue ?? 0) / count >= WORST_SHARE) return 'overdue';
  if ((cell.warning ?? 0) / count >= WORST_SHARE) return 'warning';
  const resolved = cell.resolved ?? Math.max(0, cell.count - (cell.open ?? 0));
  return (cell.open ?? 0) >= resolved ? 'open' : 'resolved';
}

const num = (name: string): ExpressionSpecification => ['to-number', ['get', name], 0];

/** Circle / icon colour of a heat or hex cell from its status counts (older tiles lack warning and resolved). */
export function worstStatusExpression(): ExpressionSpecification {
  const count: ExpressionSpecification = ['max', num('count'), 1];
  const resolved: ExpressionSpecification = ['coalesce', ['get', 'resolved'], ['max', 0, ['-', num('count'), num('open')]]];
  return [
    'case',
    ['>=', ['/', num('overdue'), count], WORST_SHARE],
    STATUS_COLOURS.overdue,
    ['>=', ['/', num('warning'), count], WORST_SHARE],
    STATUS_COLOURS.warning,
    ['>=', num('open'), ['to-number', resolved, 0]],
    STATUS_COLOURS.open,
    STATUS_COLOURS.resolved,
  ];
}

/** Colour of one report from the point tiles: `sla` (ok | warning | overdue), or the older `overdue` flag. */
export function pointStatusExpression(): ExpressionSpecification {
  return [
    'case',
    ['any', ['==', ['get', 'sla'], 'overdue'], ['==', ['get', 'overdue'], true]],
    STATUS_COLOURS.overdue,
    ['==', ['get', 'sla'], 'warning'],
    STATUS_COLOURS.warning,
    ['in', ['get', 'status'], ['literal', ['resolved', 'closed']]],
    STATUS_COLOURS.resolved,
    STATUS_COLOURS.open,
  ];
}

// ---- Ward choropleth ----------------------------------------------------------------------

export type ChoroplethMetric = 'onTimeRate' | 'backlog' | 'per10k';
export const CHOROPLETH_METRICS: readonly ChoroplethMetric[] = ['onTimeRate', 'backlog', 'per10k'];

/** Five classes. On-time rate: red (late) to green; backlog and reports per 10,000: light to dark. */
const PALETTES: Record<ChoroplethMetric, readonly string[]> = {
  onTimeRate: ['#d7191c', '#fdae61', '#ffffbf', '#a6d96a', '#1a9641'],
  backlog: ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'],
  per10k: ['#f1eef6', '#bdc9e1', '#74a9cf', '#2b8cbe', '#045a8d'],
};
export const NO_DATA_COLOUR = '#d9d9d9';

// On-time rate has fixed, meaningful limits, so colours compare across filters and periods.
const ON_TIME_BREAKS = [0.5, 0.7, 0.85, 0.95];

export interface LegendClass {
  colour: string;
  /** Inclusive lower bound; null for the first class. */
  from: number | null;
  /** Exclusive upper bound; null for the last class. */
  to: number | null;
}

/** A round number at or above `value` with one or two significant digits (1, 2, 2.5, 5, 10, 15, 20, ...). */
export function niceCeil(value: number): number {
  if (value <= 0) return 0;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const steps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
  const step = steps.find((candidate) => candidate * magnitude >= value - 1e-9) ?? 10;
  return Number((step * magnitude).toPrecision(6));
}

/**
 * Class limits for a metric: fixed for the on-time rate; for counts and rates, quintiles of
 * the wards' values rounded up to readable numbers, without repeats.
 */
export function classBreaks(metric: ChoroplethMetric, values: readonly (number | null)[]): number[] {
  if (metric === 'onTimeRate') return ON_TIME_BREAKS;
  const sorted = values.filter((value): value is number => value !== null && Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (const q of [0.2, 0.4, 0.6, 0.8]) {
    const value = niceCeil(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
    if (value > 0 && value > (breaks.at(-1) ?? 0) && value <= sorted[sorted.length - 1]) breaks.push(value);
  }
  return breaks;
}

export function legendClasses(metric: ChoroplethMetric, breaks: readonly number[]): LegendClass[] {
  const palette = PALETTES[metric];
  // Fewer breaks than four (few distinct values) use the palette's darker end.
  const colours = palette.slice(palette.length - breaks.length - 1);
  return colours.map((colour, i) => ({ colour, from: i === 0 ? null : breaks[i - 1], to: i < breaks.length ? breaks[i] : null }));
}

export function classColour(value: number | null, classes: readonly LegendClass[]): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA_COLOUR;
  const found = classes.find((cls) => cls.to === null || value < cls.to);
  return found?.colour ?? NO_DATA_COLOUR;
}

/** Fill colour from the ward's feature-state `value` (set per ward code), grey where there is none. */
export function choroplethExpression(classes: readonly LegendClass[]): ExpressionSpecification | string {
  if (classes.length === 0) return NO_DATA_COLOUR;
  const stepped: unknown[] = ['step', ['to-number', ['feature-state', 'value'], 0], classes[0].colour];
  for (const cls of classes.slice(1)) stepped.push(cls.from, cls.colour);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it: the steps are built as a plain array
  return ['case', ['==', ['typeof', ['feature-state', 'value']], 'number'], stepped as ExpressionSpecification, NO_DATA_COLOUR];
}

// ---- Compare mode ---------------------------------------------------------------------------

const WORSE: Rgb = [203, 24, 29];
const BETTER: Rgb = [35, 139, 69];

/**
 * Diverging colour of a cell's change: more reports than the previous period is worse (red),
 * fewer is better (green); strength grows with the square root of the change against the largest.
 */
export function changeColour(delta: number, maxAbs: number): [number, number, number, number] {
  if (delta === 0 || maxAbs <= 0) return [150, 150, 150, 60];
  const strength = Math.min(1, Math.sqrt(Math.abs(delta) / maxAbs));
  const [r, g, b] = delta > 0 ? WORSE : BETTER;
  return [r, g, b, Math.round(70 + 160 * strength)];
}

export function rgbCss([r, g, b]: Rgb | [number, number, number, number]): string {
  return `rgb(${r} ${g} ${b})`;
}

export const CHANGE_LEGEND = { worse: rgbCss(WORSE), better: rgbCss(BETTER) };

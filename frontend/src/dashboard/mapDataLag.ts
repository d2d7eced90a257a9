import type { MapDataLag } from './useDashboardData';

/**
 * Whole seconds the dashboard says its map data is behind, or null for nothing to say: no
 * replica (the maps read the primary), a standby that reports no position, or under a second
 * (a healthy replica; a note for it would only teach leaders to ignore the note).
 */
export function mapDataLagSeconds(lag: MapDataLag | null): number | null {
  if (!lag?.replica || lag.seconds === null) return null;
  const seconds = Math.round(lag.seconds);
  return seconds >= 1 ? seconds : null;
}

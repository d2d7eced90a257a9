import type { ReactNode, RefObject } from 'react';

interface MapRegionProps {
  containerRef: RefObject<HTMLDivElement | null>;
  label: string;
  testId: string;
  ready: boolean;
  className?: string;
  describedBy?: string;
  /** Further attributes the browser tests read (`data-tiles`, `data-count`, ...). */
  data?: Record<`data-${string}`, string | number>;
}

/** The element a map is drawn into: a labelled region, busy until the map is ready (the browser tests wait for `data-ready`). */
export function MapRegion({ containerRef, label, testId, ready, className = 'map-page__canvas', describedBy, data }: MapRegionProps) {
  return (
    <div
      ref={containerRef}
      className={className}
      role="region"
      aria-label={label}
      aria-describedby={describedBy}
      aria-busy={!ready}
      data-testid={testId}
      data-ready={ready ? 'true' : 'false'}
      {...data}
    />
  );
}

/** The "loading the map" line over a full-page map, gone once it is ready. */
export function MapLoading({ ready, testId, children }: { ready: boolean; testId: string; children: ReactNode }) {
  if (ready) return null;
  return (
    <p className="map-page__loading" role="status" data-testid={testId}>
      {children}
    </p>
  );
}

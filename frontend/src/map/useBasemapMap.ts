import { useEffect, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  setWorkerUrl,
  type MapOptions,
  type StyleSpecification,
  type VectorTileSource,
} from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer } from '@deck.gl/core';
import { API_BASE } from '../api/client';
import { createBasemapStyle } from './basemapStyle';

// A bundled MapLibre cannot find its worker next to itself; Vite emits it as its own file.
setWorkerUrl(maplibreWorkerUrl);

declare global {
  interface Window {
    // Test hooks for the browser e2e tests (queryRenderedFeatures, camera, project); nothing else reads them.
    __map1022?: MapLibreMap;
    __publicMap1022?: MapLibreMap;
    __dashboardMap1022?: MapLibreMap;
    __workbenchMap1022?: MapLibreMap;
    __operatorMap1022?: MapLibreMap;
  }
}

export type MapTestHook = '__map1022' | '__publicMap1022' | '__dashboardMap1022' | '__workbenchMap1022' | '__operatorMap1022';

/** Central Ho Chi Minh City at a zoom where the old inner districts fill the view. */
export const CITY_CENTRE: [number, number] = [106.7, 10.78];
export const CITY_ZOOM = 11;

export interface BasemapMapOptions {
  /** The window property the browser tests read this map from. */
  testHook: MapTestHook;
  center?: [number, number];
  zoom?: number;
  minZoom: number;
  maxZoom?: number;
  /** Further MapLibre options (gestures, keyboard, request transform, locale); read once. */
  mapOptions?: Partial<MapOptions>;
  /** Zoom buttons at the top right; on unless false. */
  navigation?: boolean;
  /** The attribution line at the bottom right, rebuilt when its text changes (the language does). */
  attribution: string | readonly string[];
  compactAttribution?: boolean;
  /** Adds the page's sources and layers to the basemap style before the map is built; read once. */
  extendStyle?(style: StyleSpecification): void;
  /** A deck.gl overlay over the map, drawn by useDeckLayers. */
  deckOverlay?: boolean;
  /** Wires the page's handlers, markers and popups on the new map; what it returns runs at removal. Read once. */
  setup?(map: MapLibreMap, overlay: MapLibreOverlay | null): (() => void) | void;
  /** Ready at the first 'idle' after the style loads at which this holds; without it the page sets `ready` itself. */
  readyWhen?(map: MapLibreMap): boolean;
}

export interface BasemapMap {
  /** Set once the style has loaded; every effect of the page waits for it. */
  map: MapLibreMap | null;
  /** The map from its creation to its removal: cleanups leave a removed map alone. */
  liveMap: RefObject<MapLibreMap | null>;
  overlay: RefObject<MapLibreOverlay | null>;
  ready: boolean;
  setReady: Dispatch<SetStateAction<boolean>>;
}

function basemapTileUrl(): string {
  // Absolute because tiles are fetched from MapLibre's worker, which has no page URL to resolve against.
  return `${window.location.origin}${API_BASE}/tiles/basemap/{z}/{x}/{y}.mvt`;
}

/** Calls `then` at the first 'idle' of `map` at which `holds()`; returns what cancels the wait. */
export function whenIdle(map: MapLibreMap, holds: () => boolean, then: () => void): () => void {
  let cancelled = false;
  const check = () => {
    if (cancelled) return;
    if (holds()) then();
    else map.once('idle', check);
  };
  map.once('idle', check);
  return () => {
    cancelled = true;
    map.off('idle', check);
  };
}

/**
 * One MapLibre map in `containerRef` on our own basemap, north up: zoom buttons, the attribution
 * line, an optional deck.gl overlay and the page's test hook. The page adds its layers through
 * `extendStyle` and its handlers through `setup`.
 */
export function useBasemapMap(containerRef: RefObject<HTMLDivElement | null>, options: BasemapMapOptions): BasemapMap {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const liveMap = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const [ready, setReady] = useState(false);
  const initial = useRef(options);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const { testHook, center, zoom, minZoom, maxZoom, mapOptions, navigation, extendStyle, deckOverlay, setup, readyWhen } =
      initial.current;
    const style = createBasemapStyle(basemapTileUrl());
    extendStyle?.(style);
    const instance = new MapLibreMap({
      container,
      style,
      center: center ?? CITY_CENTRE,
      zoom: zoom ?? CITY_ZOOM,
      minZoom,
      maxZoom: maxZoom ?? 18,
      attributionControl: false,
      // North stays up: the city's maps, and the label placement, assume it.
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      ...mapOptions,
    });
    instance.touchZoomRotate.disableRotation();
    if (navigation !== false) instance.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    const overlay = deckOverlay ? new MapLibreOverlay({ interleaved: false, layers: [] }) : null;
    if (overlay) instance.addControl(overlay);
    liveMap.current = instance;
    overlayRef.current = overlay;
    window[testHook] = instance;
    const teardown = setup?.(instance, overlay);

    let cancelReady: (() => void) | undefined;
    instance.once('load', () => {
      setMap(instance);
      if (readyWhen)
        cancelReady = whenIdle(
          instance,
          () => readyWhen(instance),
          () => setReady(true),
        );
    });

    return () => {
      cancelReady?.();
      teardown?.();
      liveMap.current = null;
      overlayRef.current = null;
      if (window[testHook] === instance) delete window[testHook];
      setMap(null);
      setReady(false);
      instance.remove();
    };
  }, [containerRef]);

  const attributionText = typeof options.attribution === 'string' ? options.attribution : options.attribution.join('\n');
  const compact = options.compactAttribution ?? false;
  useEffect(() => {
    if (!map) return;
    const control = new AttributionControl({ compact, customAttribution: attributionText.split('\n') });
    map.addControl(control, 'bottom-right');
    return () => {
      if (liveMap.current === map) map.removeControl(control);
    };
  }, [map, attributionText, compact]);

  return { map, liveMap, overlay: overlayRef, ready, setReady };
}

/** Draws `layers` (memoised; in drawing order, nulls left out) in the map's deck.gl overlay. */
export function useDeckLayers({ map, overlay }: Pick<BasemapMap, 'map' | 'overlay'>, layers: readonly (Layer | null)[]): void {
  useEffect(() => {
    const current = overlay.current;
    if (!map || !current) return;
    current.setProps({ layers: layers.filter((layer): layer is Layer => layer !== null) });
  }, [map, overlay, layers]);
}

/** Points a vector source at `tileUrl` when it changes (a filter, the window, the live generation), so every layer on it follows. */
export function useSourceTiles(map: MapLibreMap | null, sourceId: string, tileUrl: string): void {
  useEffect(() => {
    if (!map) return;
    const source = map.getSource<VectorTileSource>(sourceId);
    if (source && source.tiles?.[0] !== tileUrl) source.setTiles([tileUrl]);
  }, [map, sourceId, tileUrl]);
}

import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapRegion } from '../map/MapRegion';
import type { WardsState } from '../map/useWards';
import type { LngLat, PinPlacement } from './reportForm';
import { usePinMap } from './usePinMap';

interface PinMapProps {
  pin: PinPlacement | null;
  wardCode: string | null;
  wards: WardsState;
  onPlace(position: LngLat): void;
  describedBy?: string;
}

/** The location map of the report form; remount it (key) to change its language. */
export function PinMap({ pin, wardCode, wards, onPlace, describedBy }: PinMapProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const text = useMemo(
    () => ({
      pinLabel: t('report.location.pinLabel'),
      attribution: [t('map.osmAttribution'), t('map.boundarySource')],
      locale: {
        'CooperativeGesturesHandler.WindowsHelpText': t('report.location.gestureDesktop'),
        'CooperativeGesturesHandler.MacHelpText': t('report.location.gestureMac'),
        'CooperativeGesturesHandler.MobileHelpText': t('report.location.gestureMobile'),
        'NavigationControl.ZoomIn': t('report.location.zoomIn'),
        'NavigationControl.ZoomOut': t('report.location.zoomOut'),
        'Map.Title': t('report.location.mapLabel'),
      },
    }),
    [t],
  );
  const { ready } = usePinMap(containerRef, { pin, wardCode, wards, text, onPlace });

  return (
    <MapRegion
      containerRef={containerRef}
      className="report-map"
      label={t('report.location.mapLabel')}
      describedBy={describedBy}
      testId="report-map"
      ready={ready}
    />
  );
}

import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapRegion } from '../map/MapRegion';
import type { LatLng } from './callBody';
import { usePinMap } from './usePinMap';

interface PinMapProps {
  pin: LatLng | null;
  wardCode: string | null;
  onPinChange(pin: LatLng): void;
}

export function PinMap({ pin, wardCode, onPinChange }: PinMapProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const attribution = [t('map.osmAttribution'), t('map.boundarySource')];
  const { ready } = usePinMap(containerRef, { pin, wardCode, attribution, onPinChange });

  return (
    <MapRegion
      containerRef={containerRef}
      className="call-map"
      label={t('operator.location.map')}
      testId="call-map"
      ready={ready}
      data={{ 'data-pin': pin ? `${pin.lat},${pin.lng}` : '' }}
    />
  );
}

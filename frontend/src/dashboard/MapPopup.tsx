import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Popup, type Map as MapLibreMap } from 'maplibre-gl';
import { useLatestRef } from '../ui/useLatestRef';

/** A MapLibre popup at `lngLat` whose content is React (rendered through a portal into the popup's node). */
export function MapPopup({
  map,
  lngLat,
  onClose,
  children,
}: {
  map: MapLibreMap;
  lngLat: [number, number];
  onClose(): void;
  children: ReactNode;
}) {
  const [node] = useState(() => document.createElement('div'));
  const onCloseRef = useLatestRef(onClose);
  const [lng, lat] = lngLat;

  useEffect(() => {
    const popup = new Popup({ closeButton: true, closeOnClick: false, maxWidth: '20rem', focusAfterOpen: false })
      .setLngLat([lng, lat])
      .setDOMContent(node)
      .addTo(map);
    const closed = () => onCloseRef.current();
    popup.on('close', closed);
    return () => {
      popup.off('close', closed);
      popup.remove();
    };
  }, [map, node, lng, lat, onCloseRef]);

  return createPortal(children, node);
}

import { useTranslation } from 'react-i18next';
import { mapDataLagSeconds } from './mapDataLag';
import { useMapDataLag } from './useDashboardData';

/** A line under the live indicator when the maps read a replica that is behind the primary. */
export function MapDataLagNote() {
  const { t } = useTranslation();
  const seconds = mapDataLagSeconds(useMapDataLag());
  if (seconds === null) return null;
  return (
    <p className="map-data-lag" role="status" data-testid="map-data-lag" data-seconds={seconds}>
      {t('dashboard.mapDataLag', { seconds })}
    </p>
  );
}

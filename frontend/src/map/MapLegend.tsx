import { useTranslation } from 'react-i18next';
import { KindSwatch } from './KindSwatch';
import { useKindLabel } from './useKindLabel';

const SHOWN_KINDS = ['phuong', 'xa', 'dac_khu'] as const;

export function MapLegend() {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  return (
    <section className="map-panel map-legend" aria-label={t('map.legend')} data-testid="map-legend">
      <ul>
        {SHOWN_KINDS.map((kind) => (
          <li key={kind}>
            <KindSwatch kind={kind} />
            {kindLabel(kind)}
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import type { LayerVisibility } from './useDashboardMap';
import { POINT_COLOURS } from './reportLayers';

const LAYERS: readonly (keyof LayerVisibility)[] = ['heat', 'points', 'hotspots'];

export function DashboardLegend({ visibility, onToggle }: { visibility: LayerVisibility; onToggle(layer: keyof LayerVisibility): void }) {
  const { t } = useTranslation();
  return (
    <section className="dashboard-legend map-panel" aria-labelledby="dashboard-legend-title" data-testid="dashboard-legend">
      <h2 id="dashboard-legend-title">{t('dashboard.legend')}</h2>
      <ul>
        {LAYERS.map((layer) => (
          <li key={layer}>
            <label>
              <input type="checkbox" checked={visibility[layer]} onChange={() => onToggle(layer)} data-testid={`dashboard-layer-${layer}`} />
              <span className={`dashboard-legend__swatch dashboard-legend__swatch--${layer}`} aria-hidden="true" />
              {t(`dashboard.layers.${layer}`)}
            </label>
            {layer === 'points' && (
              <ul className="dashboard-legend__statuses">
                {(Object.keys(POINT_COLOURS) as (keyof typeof POINT_COLOURS)[]).map((status) => (
                  <li key={status}>
                    <span className="dashboard-legend__dot" style={{ background: POINT_COLOURS[status] }} aria-hidden="true" />
                    {t(`dashboard.pointStatus.${status}`)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

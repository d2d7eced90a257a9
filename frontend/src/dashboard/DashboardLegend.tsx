import { useTranslation } from 'react-i18next';
import { ChoroplethClasses } from './ChoroplethClasses';
import { CHANGE_LEGEND, CHOROPLETH_METRICS, STATUS_COLOURS, STATUS_ORDER, type ChoroplethMetric, type LegendClass } from './colourScales';
import type { LayerVisibility } from './useDashboardMap';
import { RadioGroup } from './RadioGroup';

const LAYERS: readonly (keyof LayerVisibility)[] = ['density', 'status', 'choropleth', 'hotspots', 'recurring', 'compare'];

export type LayerLoadState = Partial<Record<keyof LayerVisibility, 'loading' | 'error' | 'ready' | 'idle'>>;

const METRIC_CHOICE = { name: 'dashboard-metric', className: 'dashboard-legend__metrics', values: CHOROPLETH_METRICS } as const;

export function DashboardLegend({
  visibility,
  onToggle,
  metric,
  onMetric,
  classes,
  loadState,
  compareLabel,
}: {
  visibility: LayerVisibility;
  onToggle(layer: keyof LayerVisibility): void;
  metric: ChoroplethMetric;
  onMetric(metric: ChoroplethMetric): void;
  classes: readonly LegendClass[];
  loadState: LayerLoadState;
  /** "this week against last week" etc., from the change answer. */
  compareLabel: string | null;
}) {
  const { t } = useTranslation();
  const metricText = (metric: ChoroplethMetric) => t(`dashboard.metrics.${metric}`);
  return (
    <section className="dashboard-legend map-panel" aria-labelledby="dashboard-legend-title" data-testid="dashboard-legend">
      <h2 id="dashboard-legend-title">{t('dashboard.legend')}</h2>
      <ul>
        {LAYERS.map((layer) => (
          <li key={layer} data-testid={`dashboard-legend-${layer}`} data-state={loadState[layer] ?? 'ready'}>
            <label>
              <input
                type="checkbox"
                checked={visibility[layer]}
                onChange={() => onToggle(layer)}
                data-testid={`dashboard-layer-${layer}`}
              />
              <span className={`dashboard-legend__swatch dashboard-legend__swatch--${layer}`} aria-hidden="true" />
              {t(`dashboard.layers.${layer}`)}
            </label>
            {visibility[layer] && loadState[layer] === 'error' && (
              <p className="dashboard-legend__problem" role="alert">
                {t('dashboard.layerError')}
              </p>
            )}
            {layer === 'density' && visibility.density && <p className="dashboard-legend__note">{t('dashboard.densityNote')}</p>}
            {layer === 'status' && visibility.status && (
              <ul className="dashboard-legend__statuses">
                {STATUS_ORDER.map((status) => (
                  <li key={status}>
                    <span className="dashboard-legend__dot" style={{ background: STATUS_COLOURS[status] }} aria-hidden="true" />
                    {t(`dashboard.pointStatus.${status}`)}
                  </li>
                ))}
              </ul>
            )}
            {layer === 'choropleth' && visibility.choropleth && (
              <div className="dashboard-legend__choropleth">
                <RadioGroup {...METRIC_CHOICE} label={t('dashboard.metric')} checked={metric} onChange={onMetric} text={metricText} />
                <ChoroplethClasses
                  metric={metric}
                  classes={classes}
                  className="dashboard-legend__classes"
                  testId="dashboard-choropleth-classes"
                />
              </div>
            )}
            {layer === 'compare' && visibility.compare && (
              <div className="dashboard-legend__compare">
                {compareLabel && <p className="dashboard-legend__note">{compareLabel}</p>}
                <span
                  className="dashboard-legend__ramp"
                  style={{ background: `linear-gradient(to right, ${CHANGE_LEGEND.better}, #f2f2f2, ${CHANGE_LEGEND.worse})` }}
                  aria-hidden="true"
                />
                <span className="dashboard-legend__ramp-labels">
                  <span>{t('dashboard.compare.better')}</span>
                  <span>{t('dashboard.compare.worse')}</span>
                </span>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

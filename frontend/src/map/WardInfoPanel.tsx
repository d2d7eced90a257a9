import { useTranslation } from 'react-i18next';
import { KindSwatch } from './KindSwatch';
import { useKindLabel } from './useKindLabel';
import type { WardProperties } from './useWards';

function useNumberFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en-GB' : 'vi-VN';
  return (value: number, fractionDigits = 0) => new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits }).format(value);
}

interface WardInfoPanelProps {
  ward: WardProperties | null;
  /** True when the ward is pinned by a click rather than under the pointer. */
  pinned: boolean;
  onClose(): void;
}

export function WardInfoPanel({ ward, pinned, onClose }: WardInfoPanelProps) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const kindLabel = useKindLabel();

  if (!ward) {
    return (
      <aside className="map-panel ward-info ward-info--empty" data-testid="ward-info" aria-live="polite">
        <p>{t('map.hint')}</p>
      </aside>
    );
  }

  const area = ward.areaKm2 === null ? null : Number(ward.areaKm2);
  return (
    <aside className="map-panel ward-info" data-testid="ward-info" data-code={ward.code} aria-live="polite">
      <div className="ward-info__head">
        <h2 data-testid="ward-info-name">{ward.name}</h2>
        {pinned && (
          <button type="button" className="ward-info__close" onClick={onClose} aria-label={t('map.close')}>
            ×
          </button>
        )}
      </div>
      <dl>
        <div>
          <dt>{t('map.kind')}</dt>
          <dd data-testid="ward-info-kind">
            <KindSwatch kind={ward.kind} />
            {kindLabel(ward.kind)}
          </dd>
        </div>
        <div>
          <dt>{t('map.population')}</dt>
          <dd data-testid="ward-info-population">{ward.population === null ? t('map.unknown') : formatNumber(ward.population)}</dd>
        </div>
        <div>
          <dt>{t('map.area')}</dt>
          <dd>{area === null || Number.isNaN(area) ? t('map.unknown') : t('map.areaValue', { value: formatNumber(area, 2) })}</dd>
        </div>
        <div>
          <dt>{t('map.code')}</dt>
          <dd>{ward.code}</dd>
        </div>
      </dl>
    </aside>
  );
}

import { useTranslation } from 'react-i18next';
import { NO_DATA_COLOUR, type ChoroplethMetric, type LegendClass } from './colourScales';

function useClassLabel(metric: ChoroplethMetric) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'vi-VN';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const show = (value: number) => (metric === 'onTimeRate' ? percent.format(value) : number.format(value));
  return (cls: LegendClass) =>
    cls.from === null ? `< ${show(cls.to ?? 0)}` : cls.to === null ? `≥ ${show(cls.from)}` : `${show(cls.from)} – ${show(cls.to)}`;
}

/** A ward choropleth's classes, each with its colour and range, then the colour of wards without data. */
export function ChoroplethClasses({
  metric,
  classes,
  className,
  testId,
}: {
  metric: ChoroplethMetric;
  classes: readonly LegendClass[];
  className: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const classLabel = useClassLabel(metric);
  return (
    <ul className={className} data-testid={testId}>
      {classes.map((cls) => (
        <li key={cls.colour}>
          <span className="dashboard-legend__box" style={{ background: cls.colour }} aria-hidden="true" />
          {classLabel(cls)}
        </li>
      ))}
      <li>
        <span className="dashboard-legend__box" style={{ background: NO_DATA_COLOUR }} aria-hidden="true" />
        {t('dashboard.noData')}
      </li>
    </ul>
  );
}

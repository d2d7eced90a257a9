import { useTranslation } from 'react-i18next';

export function ShortcutLegend() {
  const { t } = useTranslation();
  return (
    <dl className="call-shortcuts" aria-label={t('operator.shortcuts.label')} data-testid="call-shortcuts">
      <div>
        <dt>
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
        </dt>
        <dd>{t('operator.shortcuts.create')}</dd>
      </div>
      <div>
        <dt>
          <kbd>Alt</kbd>+<kbd>1</kbd>…<kbd>9</kbd>
        </dt>
        <dd>{t('operator.shortcuts.attach')}</dd>
      </div>
      <div>
        <dt>
          <kbd>Esc</kbd>
        </dt>
        <dd>{t('operator.shortcuts.next')}</dd>
      </div>
    </dl>
  );
}

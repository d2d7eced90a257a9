import { useTranslation } from 'react-i18next';
import type { RoutingRule } from '../adminQueries';
import type { RuleNames } from './ruleNames';

/** One rule in a sentence, for the confirmations: "Tiếng ồn · Phường Bến Thành → Công an …". */
export function RuleDescription({ rule, names }: { rule: RoutingRule; names: RuleNames }) {
  const { t } = useTranslation();
  return (
    <p className="admin-rule-line" data-testid="rule-description" data-id={rule.id}>
      <strong>{names.category(rule)}</strong> · {names.ward(rule)} → <strong>{names.unit(rule)}</strong>
      <span className="admin-muted"> ({t('admin.routing.ruleId', { id: rule.id })})</span>
    </p>
  );
}

import { useTranslation } from 'react-i18next';
import type { RoutingRule } from '../adminQueries';
import type { ReferenceData } from '../useReferenceData';
import { useAdminFormat } from '../useAdminFormat';

export interface RuleNames {
  category(rule: RoutingRule): string;
  ward(rule: RoutingRule): string;
  unit(rule: RoutingRule): string;
}

/** The names a rule is read by, in the active language (the rule itself carries codes and ids). */
export function useRuleNames(reference: ReferenceData): RuleNames {
  const { t } = useTranslation();
  const format = useAdminFormat();
  return {
    category: (rule) => format.category(reference.categoryByCode.get(rule.category), rule.category),
    ward: (rule) =>
      rule.wardCode === null ? t('admin.routing.cityWide') : (reference.wardByCode.get(rule.wardCode)?.name ?? rule.wardCode),
    unit: (rule) => format.unit(reference.unitById.get(rule.unit.id), rule.unit.name),
  };
}

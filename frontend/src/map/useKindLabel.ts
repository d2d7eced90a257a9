import { useTranslation } from 'react-i18next';
import type { WardKind } from './useWards';

const KINDS: readonly string[] = ['phuong', 'xa', 'dac_khu', 'thi_tran'] satisfies WardKind[];

function isWardKind(kind: string): kind is WardKind {
  return KINDS.includes(kind);
}

/** Translated name of a unit kind; an unexpected kind from the API is shown as sent. */
export function useKindLabel(): (kind: string) => string {
  const { t } = useTranslation();
  return (kind) => (isWardKind(kind) ? t(`map.kinds.${kind}`) : kind);
}

import { useTranslation } from 'react-i18next';
import type { ActionProblem } from './actionProblem';

/** Why a request of the ticket page failed, in the official's language. */
export function ProblemMessage({ problem, testId }: { problem: ActionProblem; testId: string }) {
  const { t } = useTranslation();
  let text: string;
  switch (problem.kind) {
    case 'stale':
      text = t('workbench.errors.stale');
      break;
    case 'illegal':
      text = t('workbench.errors.illegal');
      break;
    case 'gone':
      text = t('workbench.errors.gone');
      break;
    case 'field':
      text = problem.message;
      break;
    case 'network':
      text = t('workbench.errors.network');
      break;
    case 'server':
      text = t('workbench.errors.server', { status: problem.status, message: problem.message });
      break;
  }
  return (
    <p className="wb-problem" role="alert" data-testid={testId} data-kind={problem.kind}>
      {text}
    </p>
  );
}

import { useState } from 'react';
import { citizenProblemOf } from './citizenErrors';
import type { CitizenAction } from './trackQueries';

/** A citizen's action behind a check of the form's own: a failed check's problem shows first, else the server's. */
export function useCheckedAction<Input, Local extends string>(action: CitizenAction<Input>, local: Local) {
  const [checkFailed, setCheckFailed] = useState(false);
  const problem = checkFailed ? local : action.isError ? citizenProblemOf(action.error) : null;
  const send = (passes: boolean, input: Input, onSuccess?: () => void) => {
    setCheckFailed(!passes);
    if (passes) action.mutate(input, onSuccess ? { onSuccess } : undefined);
  };
  return { sending: action.isPending, problem, send };
}

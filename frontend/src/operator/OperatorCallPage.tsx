import { useCallback, useState } from 'react';
import './operator.css';
import { CallConfirmation } from './CallConfirmation';
import { CallForm } from './CallForm';
import type { CallOutcome } from './callOutcome';

/** /operator/call: one call at a time; the code to read back, then a fresh form for the next caller. */
export default function OperatorCallPage() {
  const [call, setCall] = useState<{ number: number; outcome: CallOutcome | null }>({ number: 1, outcome: null });
  const nextCall = useCallback(() => setCall((current) => ({ number: current.number + 1, outcome: null })), []);
  const finish = useCallback((outcome: CallOutcome) => setCall((current) => ({ ...current, outcome })), []);

  return call.outcome ? (
    <CallConfirmation outcome={call.outcome} onNext={nextCall} />
  ) : (
    <CallForm key={call.number} onDone={finish} onDiscard={nextCall} />
  );
}

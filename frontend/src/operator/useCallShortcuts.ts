import { useEffect, useRef } from 'react';
import type { DuplicateCandidate } from './operatorQueries';

/** Alt+1 … Alt+9 attach to the first nine likely duplicates. */
export const ATTACH_SHORTCUT_COUNT = 9;

interface CallShortcuts {
  create(): void;
  attach(candidate: DuplicateCandidate): void;
  candidates: readonly DuplicateCandidate[];
  /** Escape closes the ticket shown in the side panel, when one is. */
  closeDetail: (() => void) | null;
}

/**
 * The console's keys, live in every field: Ctrl+Enter files the ticket, Alt+n attaches the call
 * to the n-th candidate, Escape closes the side panel. The latest handlers are read through a ref.
 */
export function useCallShortcuts(shortcuts: CallShortcuts): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const current = latest.current;
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        current.create();
        return;
      }
      // event.code, not key: Alt+digit types other characters on some layouts (and on macOS).
      const digit = /^Digit([1-9])$/.exec(event.code);
      if (event.altKey && !event.ctrlKey && !event.metaKey && digit) {
        const index = Number(digit[1]) - 1;
        const candidate = index < ATTACH_SHORTCUT_COUNT ? current.candidates[index] : undefined;
        if (!candidate) return;
        event.preventDefault();
        current.attach(candidate);
        return;
      }
      // A combobox that closed its list with this Escape has already claimed it.
      if (event.key === 'Escape' && !event.defaultPrevented && current.closeDetail) current.closeDetail();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

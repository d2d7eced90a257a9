import { useLayoutEffect, useRef } from 'react';

/** A ref that always holds the latest value, for callbacks and listeners that outlive the render which set them up. */
export function useLatestRef<T>(value: T) {
  const ref = useRef(value);
  // Updated at commit (before any effect or event of this render), not while rendering.
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}

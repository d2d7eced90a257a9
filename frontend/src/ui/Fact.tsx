import type { HTMLAttributes, ReactNode } from 'react';

interface FactProps extends HTMLAttributes<HTMLElement> {
  label: ReactNode;
  children: ReactNode;
}

/** One term and its value in a list of facts (`<dl>`); other attributes go to the value. */
export function Fact({ label, children, ...value }: FactProps) {
  return (
    <div>
      <dt>{label}</dt>
      <dd {...value}>{children}</dd>
    </div>
  );
}

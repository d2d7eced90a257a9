import type { HTMLAttributes, ReactNode } from 'react';

type DefinitionProps = HTMLAttributes<HTMLElement> & { [data: `data-${string}`]: string | number };

/** One term of a popup's or panel's list of figures: its name, and its value (with the value cell's attributes). */
export function Term({ label, children, ...definition }: { label: string; children: ReactNode } & DefinitionProps) {
  return (
    <div>
      <dt>{label}</dt>
      <dd {...definition}>{children}</dd>
    </div>
  );
}

import type { ReactNode } from 'react';

export function StatusMessage({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <div className="status-message" role="status" data-testid={testId}>
      {children}
    </div>
  );
}

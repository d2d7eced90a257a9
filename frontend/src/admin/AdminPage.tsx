import type { ReactNode } from 'react';
import './admin.css';

interface AdminPageProps {
  testId: string;
  /** More classes of the page element, beside `page admin`. */
  className?: string;
  title: string;
  lead: string;
  /** Beside the title: the page's buttons or its own controls. */
  actions?: ReactNode;
  /** Extra attributes of the page element, read by the browser tests (data-can-edit). */
  data?: Record<`data-${string}`, string | boolean>;
  children: ReactNode;
}

/** The frame of an admin or account page: its title and lead, its actions, then its content. */
export function AdminPage({ testId, className, title, lead, actions, data, children }: AdminPageProps) {
  return (
    <section className={className ? `page admin ${className}` : 'page admin'} data-testid={testId} {...data}>
      <header className="admin-head">
        <div>
          <h1>{title}</h1>
          <p className="admin-lead">{lead}</p>
        </div>
        {actions}
      </header>
      {children}
    </section>
  );
}

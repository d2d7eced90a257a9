import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './admin.css';

/** The pages framed here; each names its texts `<texts>.title` and `<texts>.lead`. */
type PageTexts =
  | 'admin.audit'
  | 'admin.calendar'
  | 'admin.onTime'
  | 'admin.privacy'
  | 'admin.routing'
  | 'admin.sla'
  | 'admin.users'
  | 'account.sessions'
  | 'rankings';

interface AdminPageProps {
  testId: string;
  texts: PageTexts;
  /** More classes of the page element, beside `page admin`. */
  className?: string;
  /**
   * A list admins change and leaders read: the page says which (data-can-edit, read by the
   * browser tests) and a reader gets the `<texts>.leadReadOnly` lead.
   */
  editable?: boolean;
  /** Beside the title: the page's buttons or its own controls. */
  actions?: ReactNode;
  children: ReactNode;
}

/** The frame of an admin or account page: its title and lead, its actions, then its content. */
export function AdminPage({ testId, texts, className, editable, actions, children }: AdminPageProps) {
  const { t } = useTranslation();
  const lead = editable === false ? `${texts}.leadReadOnly` : `${texts}.lead`;
  return (
    <section
      className={className ? `page admin ${className}` : 'page admin'}
      data-testid={testId}
      data-can-edit={editable === undefined ? undefined : editable}
    >
      <header className="admin-head">
        <div>
          <h1>{t(`${texts}.title` as 'admin.audit.title')}</h1>
          <p className="admin-lead">{t(lead as 'admin.audit.lead')}</p>
        </div>
        {actions}
      </header>
      {children}
    </section>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface AdminTableProps {
  testId: string;
  columns: readonly string[];
  /** A last column, named for screen readers only, for each row's buttons. */
  actions: boolean;
  /** The rows: one tbody, or one per group. */
  children: ReactNode;
}

/** A table of an admin list, scrolling sideways on a narrow screen. */
export function AdminTable({ testId, columns, actions, children }: AdminTableProps) {
  const { t } = useTranslation();
  return (
    <div className="admin-table-wrap">
      <table className="admin-table" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span className="visually-hidden">{t('admin.common.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}

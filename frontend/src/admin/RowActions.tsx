export interface RowAction {
  label: string;
  testId: string;
  onClick(): void;
  /** false: not offered for this row. */
  shown?: boolean;
  tone?: 'secondary' | 'danger-quiet';
  disabled?: boolean;
}

/** The last cell of a list's row: its buttons, the ones the row offers (none when not `shown`). */
export function RowActions({ actions, small = false, shown = true }: { actions: readonly RowAction[]; small?: boolean; shown?: boolean }) {
  return (
    <td className="admin-row-actions">
      {actions
        .filter((action) => shown && action.shown !== false)
        .map((action) => (
          <button
            key={action.testId}
            type="button"
            className={`button ${small ? 'button--small ' : ''}button--${action.tone ?? 'secondary'}`}
            onClick={action.onClick}
            disabled={action.disabled}
            data-testid={action.testId}
          >
            {action.label}
          </button>
        ))}
    </td>
  );
}

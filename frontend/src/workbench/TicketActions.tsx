import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionForm } from './ActionForm';
import { TransferForm } from './TransferForm';
import type { ActionProblem } from './actionProblem';
import { officialActions } from './officialActions';
import type { ActionResult, QueueItem, Ticket, TicketAction } from './workbenchQueries';

interface TicketActionsProps {
  ticket: Ticket;
  queue: readonly QueueItem[];
  onChanged(result: ActionResult): void;
  onConflict(problem: ActionProblem): void;
  onTransferred(): void;
}

/** The buttons the server allows for the ticket's state; one form open at a time. */
export function TicketActions({ ticket, queue, onChanged, onConflict, onTransferred }: TicketActionsProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ action: TicketAction | 'transfer'; version: number } | null>(null);
  const actions = officialActions(ticket);
  // A form opened on an older version of the ticket closes when it reloads.
  const current = open && open.version === ticket.version ? open.action : null;

  return (
    <div className="wb-actions" data-testid="wb-actions" data-status={ticket.status}>
      {ticket.status === 'waiting_citizen' && (
        <p className="wb-waiting" data-testid="wb-waiting-citizen">
          {t('workbench.waitingCitizen')}
        </p>
      )}
      {actions.length === 0 && !ticket.transferable && (
        <p className="admin-muted" data-testid="wb-no-actions">
          {t('workbench.noActions')}
        </p>
      )}
      <div className="wb-actions__buttons">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className={`button ${current === action ? '' : 'button--secondary'} wb-action--${action}`}
            aria-pressed={current === action}
            data-testid={`wb-action-${action}`}
            onClick={() => setOpen({ action, version: ticket.version })}
          >
            {t(`workbench.actions.${action}`)}
          </button>
        ))}
        {ticket.transferable && (
          <button
            type="button"
            className={`button ${current === 'transfer' ? '' : 'button--secondary'}`}
            aria-pressed={current === 'transfer'}
            data-testid="wb-action-transfer"
            onClick={() => setOpen({ action: 'transfer', version: ticket.version })}
          >
            {t('workbench.transfer.title')}
          </button>
        )}
      </div>
      {current === 'transfer' && <TransferForm ticket={ticket} onDone={onTransferred} onCancel={() => setOpen(null)} />}
      {current && current !== 'transfer' && (
        <ActionForm
          key={`${current}-${ticket.version}`}
          ticket={ticket}
          action={current}
          queue={queue}
          onDone={(result) => {
            setOpen(null);
            onChanged(result);
          }}
          onConflict={(problem) => {
            setOpen(null);
            onConflict(problem);
          }}
          onCancel={() => setOpen(null)}
        />
      )}
    </div>
  );
}

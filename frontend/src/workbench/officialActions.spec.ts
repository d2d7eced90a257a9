import { describe } from 'vitest';
import { officialActions } from './officialActions';
import type { Ticket, TicketAction } from './workbenchQueries';
import { itMapsEachEqual } from '../testing/table';

describe('officialActions', () => {
  itMapsEachEqual(
    'the server allows %j: the official is offered %j',
    (allowed: readonly Ticket['allowedActions'][number][]): readonly TicketAction[] => officialActions({ allowedActions: [...allowed] }),
    [
      [
        ['accept', 'resolve', 'reject', 'merge'],
        ['accept', 'resolve', 'reject', 'merge'],
      ],
      [
        ['request_info', 'resolve', 'reject', 'merge'],
        ['request-info', 'resolve', 'reject', 'merge'],
      ],
      [
        ['citizen_reply', 'reject', 'merge'],
        ['reject', 'merge'],
      ],
      [
        ['reopen', 'close'],
        ['reopen', 'close'],
      ],
      [[], []],
    ] as const,
  );
});

import type { ClientBase } from 'pg';
import { REFORM_DATE } from './admin-unit-versions';
import { countRows, execute, SeedStep } from './seed-step';

const HOUR = 60;
const WORKDAY = 8 * HOUR;

/**
 * Default SLA targets per priority, in business time: the response (the unit acknowledges) and
 * the resolution (the citizen gets an answer). Category-specific policies tighten the dangerous
 * ones in calendar time — a fallen tree or a burst main does not wait for Monday.
 */
const DEFAULTS = [
  { priority: 'urgent', response: 1 * HOUR, resolution: 1 * WORKDAY },
  { priority: 'high', response: 4 * HOUR, resolution: 3 * WORKDAY },
  { priority: 'normal', response: 1 * WORKDAY, resolution: 5 * WORKDAY },
  { priority: 'low', response: 2 * WORKDAY, resolution: 10 * WORKDAY },
];

const CALENDAR_TIME = [
  { category: 'fallen-tree', priority: 'urgent', response: 1 * HOUR, resolution: 12 * HOUR },
  { category: 'fire-hazard', priority: 'urgent', response: 30, resolution: 12 * HOUR },
  { category: 'power-outage', priority: 'high', response: 2 * HOUR, resolution: 24 * HOUR },
  { category: 'water-supply', priority: 'high', response: 2 * HOUR, resolution: 24 * HOUR },
  { category: 'flooding', priority: 'high', response: 2 * HOUR, resolution: 24 * HOUR },
];

export const slaPoliciesStep: SeedStep = {
  name: 'sla policies',
  async run(client: ClientBase) {
    let inserted = 0;
    for (const d of DEFAULTS) {
      inserted += await execute(
        client,
        `INSERT INTO sla_policy (category_id, priority, response_minutes, resolution_minutes, mode, valid_from)
         SELECT NULL, $1::priority, $2, $3, 'business', $4
          WHERE NOT EXISTS (SELECT 1 FROM sla_policy WHERE category_id IS NULL AND priority = $1::priority)`,
        [d.priority, d.response, d.resolution, REFORM_DATE],
      );
    }
    for (const p of CALENDAR_TIME) {
      inserted += await execute(
        client,
        `INSERT INTO sla_policy (category_id, priority, response_minutes, resolution_minutes, mode, valid_from)
         SELECT c.id, $2::priority, $3, $4, 'calendar', $5 FROM category c
          WHERE c.code = $1 AND NOT EXISTS (SELECT 1 FROM sla_policy s WHERE s.category_id = c.id AND s.priority = $2::priority)`,
        [p.category, p.priority, p.response, p.resolution, REFORM_DATE],
      );
    }
    return { inserted, total: await countRows(client, 'SELECT count(*) AS n FROM sla_policy') };
  },
};

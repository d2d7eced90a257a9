#!/bin/sh
# One-shot job run before the API and the worker start (compose service `migrate`, a
# Kubernetes Job before each rollout): schema migrations, then reference data.
# Migrations take a PostgreSQL advisory lock, so two copies of this job cannot race.
# Demo accounts only when DEMO_SEED=true (the backend refuses them anyway when
# NODE_ENV=production). Extra arguments go to the seed, e.g. `sh migrate.sh --reports 5000`.
set -eu

node backend/dist/backend/src/cli/migrate.cli.js

# The API and the worker connect as hcmc1022_api, a login member of hcmc1022_app (created by the
# migrations): it may not UPDATE or DELETE the timeline or the fired SLA stages (invariant 6).
# Its password comes from APP_DB_PASSWORD; re-running sets it again.
if [ -n "${APP_DB_PASSWORD:-}" ]; then
  node -e '
    const { Client } = require("pg");
    const c = new Client({ connectionString: process.env.DATABASE_URL });
    (async () => {
      await c.connect();
      const exists = (await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", ["hcmc1022_api"])).rowCount > 0;
      // format(%L) quotes the password as a literal; the statement itself cannot take parameters.
      const { rows } = await c.query("SELECT format($1, $2::text) AS sql", [`${exists ? "ALTER" : "CREATE"} ROLE hcmc1022_api LOGIN PASSWORD %L`, process.env.APP_DB_PASSWORD]);
      await c.query(rows[0].sql);
      await c.query("GRANT hcmc1022_app TO hcmc1022_api");
      await c.query("ALTER ROLE hcmc1022_api SET role = hcmc1022_app");
      await c.end();
    })().catch((e) => { console.error(e.message); process.exit(1); });
  '
fi

if [ "${DEMO_SEED:-false}" = "true" ]; then
  exec node backend/dist/backend/src/cli/seed.cli.js "$@"
else
  exec node backend/dist/backend/src/cli/seed.cli.js --no-demo "$@"
fi

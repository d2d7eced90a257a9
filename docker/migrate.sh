#!/bin/sh
# One-shot job run before the API and the worker start (compose service `migrate`, a
# Kubernetes Job before each rollout): schema migrations, then reference data.
# Migrations take a PostgreSQL advisory lock, so two copies of this job cannot race.
# Demo accounts only when DEMO_SEED=true (the backend refuses them anyway when
# NODE_ENV=production). Extra arguments go to the seed, e.g. `sh migrate.sh --reports 5000`.
set -eu

node backend/dist/backend/src/cli/migrate.cli.js

if [ "${DEMO_SEED:-false}" = "true" ]; then
  exec node backend/dist/backend/src/cli/seed.cli.js "$@"
else
  exec node backend/dist/backend/src/cli/seed.cli.js --no-demo "$@"
fi

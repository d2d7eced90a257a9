# syntax=docker/dockerfile:1
#
# The backend image: one build, three commands.
#   API (default)   node backend/dist/backend/src/main.js
#   worker          node backend/dist/backend/src/worker.js
#   migrate + seed  sh migrate.sh            (one-shot, before every rollout)
#
# Build from the repository root:
#   docker build -f docker/backend.Dockerfile -t hcmc1022-backend .

ARG NODE_IMAGE=node:24-bookworm-slim

# --- deps: everything needed to compile the backend ------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY backend/package.json backend/
# Install scripts stay off: argon2 ships prebuilt binaries in its package, msgpackr-extract gets
# them from a platform package, and nothing else the build or the runtime uses needs a script.
# `npm install` rather than `npm ci`: the lock records only the Linux builds of platform-specific
# optional packages (@swc/core, nx), which `npm ci` rejects as out of sync; the locked versions
# are installed all the same.
RUN --mount=type=cache,target=/root/.npm \
    npm install --no-save --no-audit --no-fund --ignore-scripts -w backend --include-workspace-root

# --- build: TypeScript -> backend/dist (migrations and seed code compile into it too) --------
FROM deps AS build
COPY tsconfig.base.json ./
COPY backend/ backend/
COPY migrations/ migrations/
COPY seed/ seed/
RUN npm run build -w backend

# --- runtime: production dependencies, compiled code and seed data, nothing else -------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    STORAGE_DIR=/app/var/storage
WORKDIR /app
COPY package.json package-lock.json ./
COPY backend/package.json backend/
RUN --mount=type=cache,target=/root/.npm \
    npm install --no-save --no-audit --no-fund --ignore-scripts --omit=dev -w backend

COPY --from=build /app/backend/dist backend/dist
COPY seed/data seed/data
COPY docker/migrate.sh ./migrate.sh

# Code stays root-owned and read-only to the process; only the attachment directory is
# writable. A named volume mounted there starts with this ownership.
RUN mkdir -p "$STORAGE_DIR" && chown node:node "$STORAGE_DIR"
USER node

EXPOSE 3000
# /ready checks the database, Redis and applied migrations. The worker has no HTTP listener:
# compose and Kubernetes switch this check off for it.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ready', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# V8 flags as scripts/prepare.mjs NODE_FLAGS (why: there).
CMD ["node", "--max-semi-space-size=64", "backend/dist/backend/src/main.js"]

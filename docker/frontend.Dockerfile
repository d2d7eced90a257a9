# syntax=docker/dockerfile:1
#
# The web image: the React build served by nginx, which also proxies the API paths to the
# `api` service (docker/nginx.conf).
#   docker build -f docker/frontend.Dockerfile -t hcmc1022-web .

ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY frontend/package.json frontend/
# No install scripts needed: Vite's native bundler arrives as a prebuilt optional package.
# `npm install` rather than `npm ci`: see backend.Dockerfile.
RUN --mount=type=cache,target=/root/.npm \
    npm install --no-save --no-audit --no-fund --ignore-scripts -w frontend
COPY tsconfig.base.json ./
COPY frontend/ frontend/
RUN npm run build -w frontend

FROM nginx:1.27-alpine
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/frontend/dist /usr/share/nginx/html
EXPOSE 80
HEALTHCHECK --interval=15s --timeout=3s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1/nginx-health"]

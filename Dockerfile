# syntax=docker/dockerfile:1.7
#
# Thuismonitor images, one build:
#
#   docker build -t thuismonitor .                          API + worker (default target `runtime`)
#   docker build --target web -t thuismonitor-web .          nginx serving the web app
#
# The runtime image starts the API by default (`node apps/api/dist/main.js`); the worker is the
# same image with `node apps/api/dist/worker.js`. See docs/deployment.md.

ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginx:1.27-alpine

# ---------------------------------------------------------------------------------------------
# manifests: only package.json / package-lock.json of the root and every workspace, so that the
# `npm ci` layer below is reused as long as no dependency changes (source edits do not bust it).
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir -p /manifests \
 && find . -name node_modules -prune -o -type f \( -name package.json -o -name package-lock.json -o -name .npmrc \) -print \
    | xargs -r cp --parents -t /manifests

# ---------------------------------------------------------------------------------------------
# build: install everything, build libs + api + web, then drop devDependencies.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV CI=true \
    NX_DAEMON=false \
    NX_NO_CLOUD=true \
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npm_config_fund=false \
    npm_config_audit=false \
    npm_config_update_notifier=false
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
# `npm run build` must build libs/domain, libs/auth, apps/api (dist/main.js, dist/worker.js)
# and apps/web (dist/).
RUN npm run build \
 && test -f apps/api/dist/main.js \
 && test -f apps/api/dist/worker.js \
 && test -f apps/web/dist/index.html
RUN --mount=type=cache,target=/root/.npm npm prune --omit=dev \
 && node -e "for (const m of ['playwright-core', 'prom-client', 'csv-stringify', 'exceljs']) require.resolve(m)"
# CI runs the same steps (npm ci, build, prune) and boots the result: scripts/prod-smoke.mjs.

# ---------------------------------------------------------------------------------------------
# web: static files + reverse proxy to the API. Runs as the unprivileged `nginx` user (uid 101)
# on port 8080; see infra/web/nginx.conf.
FROM ${NGINX_IMAGE} AS web
COPY infra/web/nginx.conf /etc/nginx/nginx.conf
COPY --from=build /app/apps/web/dist/ /usr/share/nginx/html/
USER nginx
EXPOSE 8080

# ---------------------------------------------------------------------------------------------
# runtime: API and worker. Chromium (Debian package) renders the PDF reports in the worker;
# tini is PID 1 so that signals reach node and exited chromium processes are reaped.
FROM ${NODE_IMAGE} AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-dejavu-core tini ca-certificates \
 && rm -rf /var/lib/apt/lists/*
# NODE_ENV=production: an external OIDC issuer is required, no development provider, no demo
# data unless DEMO_DATA=true. Metrics (Prometheus) on their own port, not on the public one.
ENV NODE_ENV=production \
    CHROMIUM_PATH=/usr/bin/chromium \
    PORT=3000 \
    METRICS_PORT=9464
WORKDIR /app
# Code stays owned by root and is only readable by the `node` user that runs it.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/libs ./libs
COPY --from=build /app/apps/api ./apps/api
COPY --from=build /app/apps/web/dist ./apps/web/dist
USER node
EXPOSE 3000 9464
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "apps/api/dist/main.js"]

# syntax=docker/dockerfile:1
#
# Keeper web app: the Vite build of apps/web served by nginx, which also forwards /api,
# /health and /ready to the API so the browser sees a single origin (docker/nginx.conf).
#
# Build from the repository root (BuildKit; it also reads docker/web.Dockerfile.dockerignore):
#   docker build -f docker/web.Dockerfile -t keeper-web .

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build ----
FROM ${NODE_IMAGE} AS build
# The version scripts/lib.sh uses; any pnpm 10 reads this lockfile.
ARG PNPM_VERSION=10.34.9
RUN npm install -g "pnpm@${PNPM_VERSION}" && npm cache clean --force
ENV CI=true
WORKDIR /app
# Manifests first: the install layer is rebuilt only when they or the lockfile change.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps/web/package.json apps/web/
COPY packages/money/package.json packages/money/
COPY packages/invoicing/package.json packages/invoicing/
COPY packages/api-client/package.json packages/api-client/
# "@keeper/web..." = the web app and the workspace packages it depends on.
RUN --mount=type=cache,id=keeper-pnpm-store,target=/pnpm/store,sharing=locked \
    pnpm install --frozen-lockfile --filter "@keeper/web..." --store-dir /pnpm/store
# Vite resolves @keeper/money and @keeper/api-client to their TypeScript sources (the
# "source" export condition in apps/web/vite.config.ts), so they need no build of their own.
COPY tsconfig.base.json ./
COPY packages/money packages/money
COPY packages/invoicing packages/invoicing
COPY packages/api-client packages/api-client
COPY apps/web apps/web
RUN pnpm --filter @keeper/web run build

# ---- serve ----
FROM nginx:1.27-alpine
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
    CMD wget -q --spider http://127.0.0.1:8080/ || exit 1

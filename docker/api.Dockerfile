# syntax=docker/dockerfile:1
#
# Keeper API image. One image, three uses (see docker/compose.yaml):
#   node apps/api/dist/main.js      HTTP API on $PORT (the default command)
#   node apps/api/dist/worker.js    BullMQ worker and outbox relay, no HTTP
#   node apps/api/dist/cli/*.js     db-setup, migrate, seed
#
# Build from the repository root (BuildKit; it also reads docker/api.Dockerfile.dockerignore):
#   docker build -f docker/api.Dockerfile -t keeper-api .
#
# Why no `pnpm deploy`: pnpm 10 deploys only from workspaces with inject-workspace-packages=true,
# a workspace-wide setting recorded in pnpm-lock.yaml that this repository does not use, and
# `pnpm deploy --legacy` resolves dependencies again instead of installing exactly what the
# lockfile says (tried with pnpm 10.34: it dropped a peer the lockfile records for `debug`).
# So the runtime stage gets a production-only install of @keeper/api and its workspace
# dependencies straight from the frozen lockfile, keeping the workspace layout:
# node_modules/@keeper/{money,jobs,invoicing,credit-model} stay symlinks to packages/{money,jobs,invoicing,credit-model}, whose built dist/
# is copied in next to them.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- base: pnpm plus the workspace manifests, the only inputs of the dependency layers ----
FROM ${NODE_IMAGE} AS base
# The version scripts/lib.sh uses; any pnpm 10 reads this lockfile.
ARG PNPM_VERSION=10.34.9
RUN npm install -g "pnpm@${PNPM_VERSION}" && npm cache clean --force
ENV CI=true
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps/api/package.json apps/api/
COPY packages/money/package.json packages/money/
COPY packages/jobs/package.json packages/jobs/
COPY packages/invoicing/package.json packages/invoicing/
COPY packages/credit-model/package.json packages/credit-model/

# ---- build: every dependency (TypeScript lives in the root devDependencies), then compile ----
FROM base AS build
RUN --mount=type=cache,id=keeper-pnpm-store,target=/pnpm/store,sharing=locked \
    pnpm install --frozen-lockfile --store-dir /pnpm/store
COPY tsconfig.base.json ./
COPY packages/money packages/money
COPY packages/jobs packages/jobs
COPY packages/invoicing packages/invoicing
COPY packages/credit-model packages/credit-model
COPY apps/api apps/api
# "@keeper/api..." = the API and the workspace packages it depends on, dependencies first.
RUN pnpm --filter "@keeper/api..." run build

# ---- prod-deps: production dependencies of the API only, exactly as locked ----
FROM base AS prod-deps
RUN --mount=type=cache,id=keeper-pnpm-store,target=/pnpm/store,sharing=locked \
    pnpm install --frozen-lockfile --prod --filter "@keeper/api..." --store-dir /pnpm/store

# ---- runtime: no pnpm, no compilers, no sources; files owned by root, process runs as `node` ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    MAIL_DIR=/var/lib/keeper/mail
WORKDIR /app
COPY --from=prod-deps /app ./
COPY --from=build /app/packages/money/dist packages/money/dist
COPY --from=build /app/packages/jobs/dist packages/jobs/dist
COPY --from=build /app/packages/invoicing/dist packages/invoicing/dist
COPY --from=build /app/packages/credit-model/dist packages/credit-model/dist
COPY --from=build /app/apps/api/dist apps/api/dist
# The only writable place: mail files (MAIL_TRANSPORT=file). A named volume mounted here
# starts with this ownership.
RUN mkdir -p "$MAIL_DIR" && chown node:node "$MAIL_DIR"
USER node
EXPOSE 3000
# No HEALTHCHECK here: the worker and the CLIs share this image and serve no HTTP;
# docker/compose.yaml checks /ready on the api service only.
CMD ["node", "apps/api/dist/main.js"]

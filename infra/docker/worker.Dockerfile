# syntax=docker/dockerfile:1
# Sen worker image: the BullMQ processors (a NestJS application context, no public HTTP; a small health
# server on WORKER_HEALTH_PORT). Build from the repository root:
#   docker build -f infra/docker/worker.Dockerfile -t sen/worker .
# Stop it with SIGTERM and give it time (compose stop_grace_period / k8s terminationGracePeriodSeconds):
# it finishes or releases its running jobs before it exits.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- base: node + pnpm, pinned to the root package.json's "packageManager" ----
FROM ${NODE_IMAGE} AS base
ENV PNPM_HOME=/pnpm \
    PATH=/pnpm:$PATH \
    COREPACK_ENABLE_DOWNLOAD_PROMPT=0 \
    TURBO_TELEMETRY_DISABLED=1 \
    CI=true
RUN corepack enable && corepack prepare pnpm@10.34.8 --activate
WORKDIR /repo

# ---- build: install the worker's dependency closure (dev deps too) and compile it ----
FROM base AS build
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc turbo.json tsconfig.base.json ./
COPY tooling tooling
COPY packages packages
COPY apps/worker apps/worker
RUN --mount=type=cache,id=sen-pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --filter "@sen/worker..."
RUN pnpm turbo run build --filter=@sen/worker...

# ---- prune: production dependencies only, keeping the repo layout ----
FROM build AS prune
RUN --mount=type=cache,id=sen-pnpm-store,target=/pnpm/store \
    rm -rf node_modules apps/*/node_modules packages/*/node_modules \
 && pnpm install --frozen-lockfile --offline --prod --filter "@sen/worker..."

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
# tini is PID 1 so SIGTERM reaches node, whose shutdown hook lets running jobs finish.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    WORKER_HEALTH_PORT=3001
WORKDIR /app
# The repo layout is kept (root marker, packages/*/data read at run time by @sen/db).
COPY --from=prune /repo/package.json /repo/pnpm-workspace.yaml ./
COPY --from=prune /repo/node_modules ./node_modules
COPY --from=prune /repo/packages ./packages
COPY --from=prune /repo/apps/worker ./apps/worker
USER node
# The health server only (nothing else listens).
EXPOSE 3001
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.WORKER_HEALTH_PORT||3001)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "apps/worker/dist/main.js"]

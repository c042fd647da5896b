# syntax=docker/dockerfile:1
# Sen api image: the NestJS api plus the built web app it serves at / (the all-in-one image), and the
# database migrations. Build from the repository root (the whole monorepo is the context):
#   docker build -f infra/docker/api.Dockerfile -t sen/api .
# Run (the entrypoint takes one command; see infra/docker/api-entrypoint.sh):
#   docker run sen/api                     # api (default)
#   docker run sen/api migrate             # apply pending migrations once, then exit
#   docker run sen/api migrate-then-api    # both, for a single container (never with several replicas)
#   docker run sen/api sen seed:demo       # the operator CLI (node apps/api/dist/cli/sen.js ...)
# infra/docker/api.Dockerfile.dockerignore keeps host node_modules, dist and secrets out of the context.

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

# ---- build: install everything (dev deps too), compile the api, its workspace packages and the web app ----
FROM base AS build
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc turbo.json tsconfig.base.json ./
COPY tooling tooling
COPY packages packages
COPY apps/api apps/api
COPY apps/web apps/web
# The store lives in a BuildKit cache mount: rebuilds re-download nothing and the layer holds no store.
# --filter keeps the install to what these builds need (the worker's deps stay out).
RUN --mount=type=cache,id=sen-pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --filter "@sen/api..." --filter "@sen/web..."
# @sen/api does not depend on @sen/web in package.json, yet it serves its dist: build both.
RUN pnpm turbo run build --filter=@sen/api... --filter=@sen/web...

# ---- prune: production dependencies only, same layout as the repo (so the documented paths hold) ----
FROM build AS prune
RUN --mount=type=cache,id=sen-pnpm-store,target=/pnpm/store \
    rm -rf node_modules apps/*/node_modules packages/*/node_modules \
 && pnpm install --frozen-lockfile --offline --prod --filter "@sen/api..."

# ---- runtime: node, tini, the compiled code and its production node_modules; runs as `node` (uid 1000) ----
FROM ${NODE_IMAGE} AS runtime
# tini is PID 1: forwards SIGTERM to node (graceful shutdown on `docker stop` / pod deletion) and reaps zombies.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    WEB_DIST=apps/web/dist
WORKDIR /app
# Files stay owned by root: the app user can read, not rewrite, its code.
# pnpm-workspace.yaml marks /app as the repo root: the api resolves relative paths (WEB_DIST) from it.
COPY --from=prune /repo/package.json /repo/pnpm-workspace.yaml ./
COPY --from=prune /repo/node_modules ./node_modules
COPY --from=prune /repo/packages ./packages
COPY --from=prune /repo/apps/api ./apps/api
COPY --from=build /repo/apps/web/dist ./apps/web/dist
COPY --chmod=0755 infra/docker/api-entrypoint.sh /usr/local/bin/sen-entrypoint
USER node
EXPOSE 3000
# Docker's health means "ready to serve" (database and Redis reachable): compose's depends_on waits on it.
# Docker never restarts a container for being unhealthy; Kubernetes uses its own probes instead.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/sen-entrypoint"]
CMD ["api"]

# syntax=docker/dockerfile:1
# Sen web image: the static React app behind nginx, which also proxies /api and /health to the api
# service (host `api`, port 3000: the compose service name). For deployments where the api serves the web
# app itself (the api image, the k8s Ingress) this image is not needed. Build from the repository root:
#   docker build -f infra/docker/web.Dockerfile -t sen/web .

ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.28-alpine

# ---- base: node + pnpm, pinned to the root package.json's "packageManager" ----
FROM ${NODE_IMAGE} AS base
ENV PNPM_HOME=/pnpm \
    PATH=/pnpm:$PATH \
    COREPACK_ENABLE_DOWNLOAD_PROMPT=0 \
    TURBO_TELEMETRY_DISABLED=1 \
    CI=true
RUN corepack enable && corepack prepare pnpm@10.34.8 --activate
WORKDIR /repo

# ---- build: the web app and the workspace packages it imports; output is apps/web/dist ----
FROM base AS build
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc turbo.json tsconfig.base.json ./
COPY tooling tooling
COPY packages packages
COPY apps/web apps/web
RUN --mount=type=cache,id=sen-pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --filter "@sen/web..."
RUN pnpm turbo run build --filter=@sen/web...

# ---- runtime: nginx as uid 101 listening on 8080 (the unprivileged variant of the official image) ----
FROM ${NGINX_IMAGE} AS runtime
COPY infra/docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /repo/apps/web/dist /usr/share/nginx/html
USER nginx
EXPOSE 8080
# nginx's own health: it serves the app shell. (/health/* is the api's, proxied.)
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/"]

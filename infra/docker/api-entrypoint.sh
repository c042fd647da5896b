#!/bin/sh
# Entrypoint of the api image: one word picks what the container does (paths are relative to /app).
#   api               the HTTP api (default)
#   migrate           apply pending database migrations (reads DATABASE_URL), then exit
#   migrate-then-api  migrate, then start the api: for a lone container only, since two processes
#                     migrating at once can race (use the compose `migrate` service / the k8s Job instead)
#   sen ARGS...       the operator CLI, e.g. `sen seed:demo`
#   anything else     run as given (e.g. `sh`)
set -eu
cd /app
cmd="${1:-api}"
if [ "$#" -gt 0 ]; then shift; fi
case "$cmd" in
  api) exec node apps/api/dist/main.js ;;
  migrate) exec node packages/db/dist/cli.js migrate ;;
  migrate-then-api)
    node packages/db/dist/cli.js migrate
    exec node apps/api/dist/main.js ;;
  sen) exec node apps/api/dist/cli/sen.js "$@" ;;
  *) exec "$cmd" "$@" ;;
esac

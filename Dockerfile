# Lingong: one image for all five apps (web, job-posting, worker-profile, matching, worker) and
# for the one-shot migrate/seed scripts. Which app a container runs is chosen at run time:
#   - docker-compose.yml gives every service its own `command: node dist/apps/<app>/apps/<app>/src/main.js`;
#   - plain `docker run` uses the default CMD below, which starts $APP (default web), e.g.
#       docker run -e APP=matching lingong
#     or bake another default in with `docker build --build-arg APP=matching .`.

# ---- build: install every dependency and compile the five apps ----------------------------------
FROM node:24-bookworm-slim AS build
WORKDIR /app

# Dependencies first, so source edits do not invalidate the npm ci layer. NODE_ENV is not
# production here, so npm ci installs devDependencies too (the Nest CLI and TypeScript build).
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY nest-cli.json tsconfig.json .env.example ./
COPY libs ./libs
COPY apps ./apps

# `set -e` so a failing build of any app (not only the last) fails the image build.
RUN set -e; \
    for app in web job-posting worker-profile matching worker; do \
      npx nest build "$app"; \
      test -f "dist/apps/$app/apps/$app/src/main.js"; \
    done
# The pages (kiosk, phone pages), served by the web app from dist/client.
RUN npm run build:client && test -f dist/client/kiosk/index.html

# ---- runtime ---------------------------------------------------------------------------------------
FROM node:24-bookworm-slim AS runtime
WORKDIR /app

# node_modules is copied whole, devDependencies included: the migrate and seed scripts run as
# TypeScript through `node -r @swc-node/register scripts/<name>.ts`, which needs @swc-node/register
# and @swc/core (devDependencies). Pruning them would break `migrate` in docker-compose.yml.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Sources the scripts need at run time: scripts/ imports the apps' entity files and the
# @lingong/* libraries (resolved through the `paths` in tsconfig.json).
COPY --from=build /app/package.json /app/tsconfig.json ./
COPY scripts ./scripts
COPY --from=build /app/libs ./libs
COPY --from=build /app/apps ./apps
# The settings loader reads .env from the working directory, else .env.example; the image carries
# only .env.example (defaults), and the container environment overrides it.
COPY --from=build /app/.env.example ./.env.example

ENV NODE_ENV=production
# All of the container's interfaces (.env.example says 127.0.0.1, for a developer's machine); what
# is reachable from outside is decided where the container's ports are published. In production
# the apps refuse the published example secrets, so a container needs secrets of its own.
ENV HOST=0.0.0.0
ARG APP=web
ENV APP=${APP}

# Files stay root-owned (read-only to the app); the processes run unprivileged.
USER node

# Documentation only; each app reads its own *_PORT setting.
EXPOSE 3000 3001 3002 3003 3004

# exec so node receives SIGTERM directly and its shutdown hooks let in-flight work finish.
CMD ["sh", "-c", "exec node \"dist/apps/${APP}/apps/${APP}/src/main.js\""]

# syntax=docker/dockerfile:1
#
# One image, three roles (see docker-compose.yml and docs/decisions/0003-deployment.md):
#   API        node dist/main.js                  (the default command)
#   worker     node --max-semi-space-size=32 dist/worker.js
#   migrations node dist/database/migrate-cli.js  (one-shot)
#
# Node 20 matches the development machine (docs/decisions/0001-module-system.md); change both together.

ARG NODE_IMAGE=node:20-bookworm-slim

# npm 11 is what reads the install-script approvals in package.json ("allowScripts") and
# .npmrc (strict-allow-scripts); the npm bundled with Node 20 is 10.x and would ignore them.
FROM ${NODE_IMAGE} AS base
ARG NPM_VERSION=11.19.1
RUN npm install --global --no-fund --no-audit "npm@${NPM_VERSION}" \
 && npm cache clean --force
WORKDIR /app

# ---- build: all dependencies, compile TypeScript to dist/ ----
FROM base AS build
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# ---- runtime: production dependencies and compiled output only ----
FROM base AS runtime
ENV NODE_ENV=production
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev
COPY --from=build /app/dist ./dist

# Files stay owned by root: the process can read its code but not change it.
USER node
EXPOSE 3000
CMD ["node", "dist/main.js"]

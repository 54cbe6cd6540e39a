# The tour and its live relay, built here and run as a non-root user with only what it needs:
# the built app (dist/), the bundled server (build/server/) and the production npm packages.
# See docs/deploy.md. Node 20, as the project's toolchain (package.json "engines").

# ── build: content check, images (tiles from the masters), the app, the server bundle ─────────
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm run build:server

# ── production packages only ────────────────────────────────────────────────────────────────
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# ── run ─────────────────────────────────────────────────────────────────────────────────────
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4173 \
    LIVE_SECRET_FILE=/var/lib/tour/live-secret \
    DATA_DIR=/var/lib/tour
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/package.json ./
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/build/server ./build/server
# The data directory is the only place the server writes; the code stays root-owned, read-only to it.
RUN mkdir -p /var/lib/tour && chown node:node /var/lib/tour && chmod 700 /var/lib/tour
USER node
VOLUME ["/var/lib/tour"]
EXPOSE 4173 9464
# No curl in the slim image: Node itself asks /healthz.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4173)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM (docker stop) is a graceful stop: /readyz 503, live clients told to reconnect, exit 0.
STOPSIGNAL SIGTERM
CMD ["node", "--max-semi-space-size=2", "build/server/index.js"]

# Multi-stage image: Next.js standalone output on Node 24 LTS, running as a non-root user.
# scripts/image-smoke.ts assembles the run stage from these lines and runs it (CI, without a
# Docker engine): keep the run stage to the instructions that script understands.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json* ./
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm install --no-audit --no-fund

FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx prisma generate && npx next build

FROM node:24-bookworm-slim AS run
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
# /app is the user's home (npm's cache, .data by default); /data is the volume of
# docker-compose.yml (FILES_DIR, OUTBOX_DIR), which starts with this directory's owner.
RUN groupadd --system porth && useradd --system --gid porth --home-dir /app porth && mkdir -p /app /data && chown porth:porth /app /data
WORKDIR /app
# The server: the standalone output (server.js, package.json, the traced node_modules), its
# static files and public/.
COPY --from=build --chown=porth:porth /app/.next/standalone ./
COPY --from=build --chown=porth:porth /app/.next/static ./.next/static
COPY --from=build --chown=porth:porth /app/public ./public
# The scripts run from the full tree: migrations on start (scripts/db/migrate.ts: tsx, Prisma's
# WASM schema engine, lib/ with the generated client, prisma/migrations) and
# `npm run board:create-admin` (tsconfig.json resolves its "@/" imports). The full node_modules
# also holds next.config.ts's serverExternalPackages (PGlite, argon2), loaded at run time.
COPY --from=build --chown=porth:porth /app/node_modules ./node_modules
COPY --from=build --chown=porth:porth /app/package.json ./
COPY --from=build --chown=porth:porth /app/tsconfig.json ./
COPY --from=build --chown=porth:porth /app/prisma ./prisma
COPY --from=build --chown=porth:porth /app/lib ./lib
COPY --from=build --chown=porth:porth /app/scripts ./scripts
USER porth
EXPOSE 3000
CMD ["sh", "-c", "node_modules/.bin/tsx scripts/db/migrate.ts && exec node server.js"]

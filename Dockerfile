# Multi-stage image: Next.js standalone output on Node 24 LTS, running as a non-root user.
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
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
RUN groupadd --system porth && useradd --system --gid porth --home /app porth
COPY --from=build --chown=porth:porth /app/.next/standalone ./
COPY --from=build --chown=porth:porth /app/.next/static ./.next/static
COPY --from=build --chown=porth:porth /app/public ./public
# Migrations run from the full tree on start (scripts/db/migrate.ts needs tsx and the wasm engine).
COPY --from=build --chown=porth:porth /app/node_modules ./node_modules
COPY --from=build --chown=porth:porth /app/prisma ./prisma
COPY --from=build --chown=porth:porth /app/lib ./lib
COPY --from=build --chown=porth:porth /app/scripts ./scripts
USER porth
EXPOSE 3000
CMD ["sh", "-c", "npx tsx scripts/db/migrate.ts && node server.js"]

# repaybot on Telegram. tsx runs the TypeScript sources at start, so the image keeps the
# sources and the packages `npm start` needs (tsx included); dev-only tools are left out.
#
#   docker build -t repaybot .
#   docker run -d --name repaybot --env-file .env -v repaybot-data:/app/data -p 8080:8080 repaybot
#
# Stopping (docker stop: SIGTERM, then SIGKILL after 10 s) lets the bot finish its updates and
# close the database; it needs well under that.
FROM node:20-slim AS deps
WORKDIR /app
# better-sqlite3 ships prebuilt binaries for linux x64/arm64; the toolchain is only a fallback.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-slim
ENV NODE_ENV=production \
    DATABASE_PATH=/app/data/repaybot.sqlite \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
COPY bin ./bin
COPY src ./src
COPY commands ./commands
COPY locales ./locales
COPY drizzle ./drizzle
COPY tsconfig.json ./
RUN mkdir -p /app/data && chown -R node:node /app/data
USER node
VOLUME /app/data
EXPOSE 8080
# Polling needs no port; a webhook (WEBHOOK_URL) listens on PORT (8080 unless set), and PORT
# also serves GET /healthz in polling mode.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(process.env.WEBHOOK_URL||process.env.PORT?1:0))"
# The bot is the container's main process (no npm, no shell in between): SIGTERM reaches it.
# A 64 MiB young generation: README "Benchmarks" says why (the p99 of an update).
CMD ["node", "--max-semi-space-size=64", "bin/repaybot.mjs", "start"]

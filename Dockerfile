# srm-bot image: HTTP mode by default (set SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET), Socket Mode when
# SLACK_APP_TOKEN is set. Expected size: about 245 MB unpacked (node:20-slim ≈ 200 MB, production
# node_modules ≈ 40 MB, dist + knowledge ≈ 3 MB); docs/deploy.md records how each step was checked.

# ---- build: full dependencies, TypeScript → dist/ ----
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` builds, and the sources are not copied yet; the build runs below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The build validates knowledge/ and stores it as dist/knowledge.snapshot.json (topic cards, tips and quiz in .parts beside it),
# and the engine's learnt state as dist/engine.snapshot.json (its tables in .tables), for fast starts.
COPY knowledge ./knowledge
RUN npm run build

# ---- runtime: production dependencies, compiled code and the knowledge base only ----
FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would run tsc, which is a dev dependency and is not installed here.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
# Files stay owned by root: the app only reads them, so a compromised process cannot rewrite its own code.
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/knowledge.snapshot.json /app/dist/knowledge.snapshot.json.parts /app/dist/engine.snapshot.json /app/dist/engine.snapshot.json.tables ./dist/
COPY knowledge ./knowledge
# The one folder the app writes: the embedded database (DATA_DIR, default ./data) when no DATABASE_URL is set.
# Mount a volume here to keep quiz answers across containers.
RUN mkdir data && chown node:node data
USER node
EXPOSE 3000
# slim has no curl; Node 20 has fetch. 127.0.0.1, not localhost: the server may listen on IPv4 only.
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form, no npm and no shell in between: node is PID 1 and receives SIGTERM itself. The app installs its
# own SIGTERM/SIGINT handlers (a PID 1 without handlers would ignore them) and spawns no children, so no
# zombie needs reaping and tini adds nothing; `docker run --init` remains available for anyone who wants it.
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]

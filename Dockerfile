# phishbot: the Discord bot in a container.
#   docker build -t phishbot .
#   docker run -d --name phishbot --env-file .env -v phishbot-data:/data phishbot
# The database, its secret.key (the address-hash key), the lookup cache and matplotlib's font cache
# (for the charts; the user has no home) live in /data: keep that volume, and back it up with
# `docker exec phishbot phishbot db backup /data/backup.db` (the key is copied beside the backup).
#
# The base image is pinned by digest (python:3.11.10-slim-bookworm); to move it, take the new digest
# from `docker buildx imagetools inspect python:3.11-slim-bookworm` and change both FROM lines.
# Dependencies come from requirements.lock, every file checked against its hash.

# --- build: wheels of phishbot and of every locked dependency ---------------------------------
FROM python:3.11.10-slim-bookworm@sha256:5148c0e4bbb64271bca1d3322360ebf4bfb7564507ae32dd639322e4952a6b16 AS build
WORKDIR /src
COPY requirements.lock pyproject.toml README.md LICENSE ./
COPY bot ./bot
RUN pip download --no-cache-dir --require-hashes --only-binary=:all: --dest /wheels -r requirements.lock \
 && pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

# --- run: no compiler, no sources, a user without a shell or a home to write to ------------------
FROM python:3.11.10-slim-bookworm@sha256:5148c0e4bbb64271bca1d3322360ebf4bfb7564507ae32dd639322e4952a6b16
RUN groupadd --system --gid 10001 phishbot \
 && useradd --system --uid 10001 --gid phishbot --no-create-home --shell /usr/sbin/nologin phishbot \
 && mkdir /data && chown phishbot:phishbot /data
COPY --from=build /wheels /wheels
COPY requirements.lock /tmp/requirements.lock
RUN pip install --no-cache-dir --no-index --find-links /wheels --require-hashes -r /tmp/requirements.lock \
 && pip install --no-cache-dir --no-index --no-deps /wheels/phishbot-*.whl \
 && rm -rf /wheels /tmp/requirements.lock
# the site-packages are root's: the bot (uid 10001) cannot write into its own package
ENV PHISHBOT_DB=/data/phishbot.db \
    WEB_HOST=0.0.0.0 \
    WEB_PORT=8080 \
    MPLCONFIGDIR=/data/.matplotlib \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
USER phishbot
WORKDIR /data
VOLUME ["/data"]
# the web server: /healthz, /readyz, /metrics, blocklist feeds, campaign pages (put a TLS proxy in
# front and set WEB_PUBLIC_URL to its address); `phishbot serve` runs it without Discord
EXPOSE 8080
# healthy while the bot is connected to Discord: `phishbot health` asks /readyz (without the web
# server, it reads /data/phishbot.alive, which the bot touches every 30 s)
HEALTHCHECK --interval=60s --timeout=10s --start-period=90s --retries=3 CMD ["phishbot", "health"]
STOPSIGNAL SIGTERM
CMD ["phishbot", "run"]

# phishbot: the Discord bot in a container.
#   docker build -t phishbot .
#   docker run -d --name phishbot --env-file .env -v phishbot-data:/data phishbot
# The database, its secret.key (the address-hash key), the lookup cache and matplotlib's font cache
# (for the charts; the user has no home) live in /data: keep
# that volume, and back it up with `docker exec phishbot phishbot db backup /data/backup.db`.

# --- build: a wheel of phishbot and of every pinned dependency ---------------------------------
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install --no-cache-dir --upgrade pip \
 && pip wheel --no-cache-dir --wheel-dir /wheels .

# --- run: no compiler, no sources, a user without a shell or a home to write to ------------------
FROM python:3.11-slim
RUN groupadd --system --gid 10001 phishbot \
 && useradd --system --uid 10001 --gid phishbot --no-create-home --shell /usr/sbin/nologin phishbot \
 && mkdir /data && chown phishbot:phishbot /data
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir --no-index --find-links /wheels phishbot && rm -rf /wheels
ENV PHISHBOT_DB=/data/phishbot.db \
    MPLCONFIGDIR=/data/.matplotlib \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
USER phishbot
WORKDIR /data
VOLUME ["/data"]
# healthy while the bot is connected to Discord: it touches /data/phishbot.alive every 30 s
HEALTHCHECK --interval=60s --timeout=10s --start-period=90s --retries=3 CMD ["phishbot", "health"]
STOPSIGNAL SIGTERM
CMD ["phishbot", "run"]

# Base layer for machines that can pull images; bootstrap.sh builds the same thing offline.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pytest \
    && rm -rf /var/lib/apt/lists/*

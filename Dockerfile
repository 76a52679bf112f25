# Multi-stage build of the c2c gateway.
#   docker build -t c2c .
#   docker run -p 127.0.0.1:8080:8080 -v c2c-data:/var/lib/c2c c2c    (SQLite in the volume)
#   docker compose up          (PostgreSQL and the gateway)

FROM rust:1.95-bookworm AS build
WORKDIR /src
# Dependencies first, so that code changes do not rebuild them.
COPY Cargo.toml Cargo.lock ./
COPY crates/domain/Cargo.toml crates/domain/Cargo.toml
COPY crates/store/Cargo.toml crates/store/Cargo.toml
COPY crates/gateway/Cargo.toml crates/gateway/Cargo.toml
COPY crates/demo/Cargo.toml crates/demo/Cargo.toml
COPY migrations/Cargo.toml migrations/Cargo.toml
RUN for d in crates/domain crates/store crates/gateway crates/demo migrations; do mkdir -p $d/src && echo "" > $d/src/lib.rs; done \
    && mkdir -p src benches && echo "fn main() {}" > src/main.rs && echo "fn main() {}" > benches/export.rs \
    && cargo build --release --locked --bin c2c \
    && rm -rf src benches crates/*/src migrations/src
COPY . .
RUN touch src/main.rs crates/*/src/lib.rs migrations/src/lib.rs \
    && cargo build --release --locked --bin c2c

FROM debian:bookworm-slim
# curl for the health check.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /var/lib/c2c c2c
COPY --from=build /src/target/release/c2c /usr/local/bin/c2c
USER c2c
WORKDIR /var/lib/c2c
# The SQLite database (the default) lives here; mount a volume to keep it.
VOLUME ["/var/lib/c2c"]
ENV C2C_LISTEN=0.0.0.0:8080 \
    DATABASE_URL=sqlite:///var/lib/c2c/c2c.db
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["c2c"]
CMD ["serve"]

# Multi-stage build of the c2c gateway.
#   docker build -t c2c .
#   docker compose up          (PostgreSQL and the gateway)

FROM rust:1.95-bookworm AS build
WORKDIR /src
# Dependencies first, so that code changes do not rebuild them.
COPY Cargo.toml Cargo.lock ./
COPY crates/domain/Cargo.toml crates/domain/Cargo.toml
COPY crates/store/Cargo.toml crates/store/Cargo.toml
COPY crates/gateway/Cargo.toml crates/gateway/Cargo.toml
COPY migrations/Cargo.toml migrations/Cargo.toml
RUN for d in crates/domain crates/store crates/gateway migrations; do mkdir -p $d/src && echo "" > $d/src/lib.rs; done \
    && mkdir -p src && echo "fn main() {}" > src/main.rs \
    && cargo build --release --locked --bin c2c \
    && rm -rf src crates/*/src migrations/src
COPY . .
RUN touch src/main.rs crates/*/src/lib.rs migrations/src/lib.rs \
    && cargo build --release --locked --bin c2c

FROM debian:bookworm-slim
RUN useradd --system --create-home --home-dir /var/lib/c2c c2c
COPY --from=build /src/target/release/c2c /usr/local/bin/c2c
USER c2c
WORKDIR /var/lib/c2c
ENV C2C_LISTEN=0.0.0.0:8080 \
    DATABASE_URL=sqlite:///var/lib/c2c/c2c.db
EXPOSE 8080
ENTRYPOINT ["c2c"]
CMD ["serve"]

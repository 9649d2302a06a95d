#!/usr/bin/env bash
# Stand-ins for the base images of the Dockerfile and compose.yaml, built from Debian bookworm packages, for a Docker
# host that reaches Debian's package archive but no image registry (docs/OPERATIONS.md#containers). They are not the
# upstream images and get no upstream tags: they are named PREFIX/... and passed in explicitly (the Dockerfile's
# BUILD_IMAGE and RUNTIME_IMAGE build arguments, compose.yaml's POSTGRES_IMAGE and HAPROXY_IMAGE variables).
#
#   PREFIX/debian:bookworm          debootstrap --variant=minbase, imported (docker import)
#   PREFIX/maven:3.8-openjdk-17     + openjdk-17-jdk-headless, maven            for BUILD_IMAGE
#   PREFIX/openjdk:17-jre           + openjdk-17-jre-headless                   for RUNTIME_IMAGE
#   PREFIX/postgres:15              + postgresql-15 and an entrypoint with postgres:17's contract (below)
#   PREFIX/haproxy:2.6              + haproxy, run as the user haproxy with /usr/local/etc/haproxy/haproxy.cfg
#
# The PostgreSQL stand-in keeps the part of the official image's contract that compose.yaml uses: POSTGRES_USER,
# POSTGRES_PASSWORD and POSTGRES_DB on the first start of an empty data directory (the superuser with that password,
# the database), the data in /var/lib/postgresql/data (PGDATA), password authentication (scram-sha-256) from other
# hosts, the server run as the user postgres, stopped fast on SIGINT. No /docker-entrypoint-initdb.d scripts.
#
# Usage: deploy/local-base-images.sh            (root: debootstrap; about 5 minutes and 1.5 GB of images)
# Env: PREFIX (grantsmith-local), DEBIAN_MIRROR (default: the first Debian archive in this host's apt sources),
#      LOCAL_CA_DIR (/usr/local/share/ca-certificates: its *.crt are trusted by the builder stand-in),
#      DOCKER (docker), REBUILD_BASE=1 to debootstrap again when PREFIX/debian:bookworm exists.
# Then, e.g.: deploy/container-smoke.sh, which builds the Grantsmith image with them and runs compose.yaml.
set -euo pipefail
PREFIX=${PREFIX:-grantsmith-local}
DOCKER=${DOCKER:-docker}
SUITE=bookworm

host_mirror() { # the host's own Debian archive, from either apt sources format
  { sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null || true
    sed -n 's/^deb \(\[[^]]*\] \)\{0,1\}\([^ ]*\) .*/\2/p' /etc/apt/sources.list 2>/dev/null || true
  } | grep -E '/debian/?$' | head -1 || true
}
MIRROR=${DEBIAN_MIRROR:-$(host_mirror)}
[ -n "$MIRROR" ] || { echo "no Debian archive in this host's apt sources: set DEBIAN_MIRROR" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "needs debootstrap (apt-get install debootstrap)" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/var/tmp}/grantsmith-base.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

if [ -n "${REBUILD_BASE:-}" ] || ! "$DOCKER" image inspect "$PREFIX/debian:$SUITE" >/dev/null 2>&1; then
  echo "# debootstrap $SUITE (minbase)"
  debootstrap --variant=minbase "$SUITE" "$WORK/rootfs" "$MIRROR" > "$WORK/debootstrap.log" 2>&1 \
    || { tail -20 "$WORK/debootstrap.log" >&2; exit 1; }
  # the point releases' updates too (security updates come from the security archive, not configured here)
  printf 'deb %s %s main\ndeb %s %s-updates main\n' "$MIRROR" "$SUITE" "$MIRROR" "$SUITE" \
    > "$WORK/rootfs/etc/apt/sources.list"
  # no service is started by a package's install scripts in an image build
  printf '#!/bin/sh\nexit 101\n' > "$WORK/rootfs/usr/sbin/policy-rc.d"
  chmod 0755 "$WORK/rootfs/usr/sbin/policy-rc.d"
  rm -rf "$WORK"/rootfs/var/cache/apt/archives/*.deb "$WORK"/rootfs/var/lib/apt/lists/*
  tar -C "$WORK/rootfs" --numeric-owner -c . | "$DOCKER" import \
    -c 'ENV LANG=C.UTF-8' -c 'CMD ["bash"]' - "$PREFIX/debian:$SUITE" >/dev/null
  rm -rf "$WORK/rootfs"
fi

# build NAME with the Dockerfile on stdin, in the context $WORK/ctx
build() {
  "$DOCKER" build -q -t "$1" -f - "$WORK/ctx" >/dev/null
  echo "# built $1"
}
mkdir -p "$WORK/ctx"
APT="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends"
CLEAN="apt-get clean && rm -rf /var/lib/apt/lists/*"

# The CAs this host trusts beyond Debian's (a TLS-inspecting proxy's, say) go into the builder too, so that Maven in
# the image build reaches Maven Central as Maven on the host does; none: the builder trusts Debian's CAs only.
mkdir -p "$WORK/ctx/ca"
cp "${LOCAL_CA_DIR:-/usr/local/share/ca-certificates}"/*.crt "$WORK/ctx/ca/" 2>/dev/null || true
build "$PREFIX/maven:3.8-openjdk-17" <<EOF
FROM $PREFIX/debian:$SUITE
RUN $APT openjdk-17-jdk-headless maven && $CLEAN
COPY ca/ /usr/local/share/ca-certificates/
RUN update-ca-certificates
EOF

build "$PREFIX/openjdk:17-jre" <<EOF
FROM $PREFIX/debian:$SUITE
RUN $APT openjdk-17-jre-headless && $CLEAN
EOF

cat > "$WORK/ctx/postgres-entrypoint" <<'EOF'
#!/bin/sh
# postgres:17's start-up contract, as far as compose.yaml uses it (deploy/local-base-images.sh)
set -eu
PGDATA=${PGDATA:-/var/lib/postgresql/data}
if [ "$(id -u)" = 0 ]; then # as root only to give the data directory to postgres
  mkdir -p "$PGDATA" /run/postgresql
  chown postgres:postgres "$PGDATA" /run/postgresql
  chmod 0700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}"
  USER=${POSTGRES_USER:-postgres}
  DB=${POSTGRES_DB:-$USER}
  umask 077
  printf '%s\n' "$POSTGRES_PASSWORD" > /tmp/pwfile
  initdb -D "$PGDATA" -U "$USER" --pwfile=/tmp/pwfile --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f /tmp/pwfile
  echo 'host all all all scram-sha-256' >> "$PGDATA/pg_hba.conf"
  if [ "$DB" != postgres ]; then
    echo "CREATE DATABASE \"$DB\";" | postgres --single -D "$PGDATA" postgres >/dev/null
  fi
  echo "initialized $PGDATA (user $USER, database $DB)"
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' "$@"
EOF
build "$PREFIX/postgres:15" <<EOF
FROM $PREFIX/debian:$SUITE
RUN $APT postgresql-15 && pg_dropcluster 15 main && $CLEAN
COPY postgres-entrypoint /usr/local/bin/postgres-entrypoint
RUN chmod 0755 /usr/local/bin/postgres-entrypoint
ENV PATH=/usr/lib/postgresql/15/bin:\$PATH PGDATA=/var/lib/postgresql/data
VOLUME /var/lib/postgresql/data
STOPSIGNAL SIGINT
EXPOSE 5432
ENTRYPOINT ["/usr/local/bin/postgres-entrypoint"]
EOF

build "$PREFIX/haproxy:2.6" <<EOF
FROM $PREFIX/debian:$SUITE
RUN $APT haproxy && $CLEAN && mkdir -p /usr/local/etc/haproxy
USER haproxy
STOPSIGNAL SIGUSR1
ENTRYPOINT ["haproxy", "-W", "-db", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]
EOF

cat <<EOF
# Stand-ins ready. The image:
#   DOCKER_BUILDKIT=1 docker build -t grantsmith:local \\
#     --build-arg BUILD_IMAGE=$PREFIX/maven:3.8-openjdk-17 --build-arg RUNTIME_IMAGE=$PREFIX/openjdk:17-jre .
# compose.yaml:
#   export POSTGRES_IMAGE=$PREFIX/postgres:15 HAPROXY_IMAGE=$PREFIX/haproxy:2.6
#   export BUILD_IMAGE=$PREFIX/maven:3.8-openjdk-17 RUNTIME_IMAGE=$PREFIX/openjdk:17-jre
EOF

# Grantsmith in a container: docs/OPERATIONS.md#containers. Build with `DOCKER_BUILDKIT=1 docker build -t grantsmith .`
# (BuildKit: the Maven cache mount); compose.yaml runs two of them behind HAProxy on one PostgreSQL.
# No `# syntax=` line: the builder's own Dockerfile frontend has RUN --mount, and a syntax line would make every build
# pull a frontend image, which fails where no image registry is reachable.

# The base images, as build arguments so that a stand-in can be given explicitly where these cannot be pulled
# (deploy/local-base-images.sh builds such stand-ins from Debian packages): --build-arg BUILD_IMAGE=... RUNTIME_IMAGE=...
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

# ---- build: the shaded jar, on a JDK 17 with Maven (the tests run in CI, not here: they need Node.js and Chromium)
FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY pom.xml ./
COPY grantsmith-api/pom.xml grantsmith-api/
COPY grantsmith-core/pom.xml grantsmith-core/
COPY grantsmith-registry/pom.xml grantsmith-registry/
COPY grantsmith-jose/pom.xml grantsmith-jose/
COPY grantsmith-testkit/pom.xml grantsmith-testkit/
COPY grantsmith-store-memory/pom.xml grantsmith-store-memory/
COPY grantsmith-store-jdbc/pom.xml grantsmith-store-jdbc/
COPY grantsmith-facade/pom.xml grantsmith-facade/
COPY grantsmith-server/pom.xml grantsmith-server/
COPY grantsmith-api/src grantsmith-api/src
COPY grantsmith-core/src grantsmith-core/src
COPY grantsmith-registry/src grantsmith-registry/src
COPY grantsmith-jose/src grantsmith-jose/src
COPY grantsmith-testkit/src grantsmith-testkit/src
COPY grantsmith-store-memory/src grantsmith-store-memory/src
COPY grantsmith-store-jdbc/src grantsmith-store-jdbc/src
COPY grantsmith-facade/src grantsmith-facade/src
COPY grantsmith-server/src grantsmith-server/src
# the Maven repository is a build cache, kept between builds and never part of an image
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -pl grantsmith-server -am package \
 && cp grantsmith-server/target/grantsmith.jar /grantsmith.jar

# ---- runtime: a JRE 17, the jar, and a user without privileges
FROM ${RUNTIME_IMAGE}
RUN groupadd --system --gid 10001 grantsmith \
 && useradd --system --uid 10001 --gid grantsmith --home-dir /var/lib/grantsmith --shell /usr/sbin/nologin grantsmith \
 && mkdir -p /opt/grantsmith /var/lib/grantsmith \
 && chown grantsmith:grantsmith /var/lib/grantsmith && chmod 0700 /var/lib/grantsmith
COPY --from=build /grantsmith.jar /opt/grantsmith/grantsmith.jar
# The class-data archive (faster start, docs/OPERATIONS.md#memory-and-start-up), made by this image's own JVM from a
# training start with the options it runs with; should that fail, the image starts without it (the JVM ignores a
# missing archive).
COPY bin/grantsmith-cds /opt/grantsmith/grantsmith-cds
RUN /opt/grantsmith/grantsmith-cds /opt/grantsmith/grantsmith.jar /opt/grantsmith/grantsmith.jsa \
      -Xmx96m -XX:MaxMetaspaceSize=128m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError \
      -XX:TrimNativeHeapInterval=10000 || true

# Every setting of `grantsmith serve` can come from the environment (docs/OPERATIONS.md#settings). Give at least
# GRANTSMITH_ADMIN_TOKEN and GRANTSMITH_MASTER_KEY (the same on every node), and for PostgreSQL GRANTSMITH_STORE,
# GRANTSMITH_DB_URL and GRANTSMITH_DB_PASSWORD; GRANTSMITH_PUBLIC_URL is the URL clients use. GRANTSMITH_JAVA_OPTS:
# those of bin/grantsmith (a 96 MiB heap and the native-heap trim, which this JRE 17 has: 211–246 MiB resident under
# sustained load); give your own to raise the heap.
ENV GRANTSMITH_HOST=0.0.0.0 \
    GRANTSMITH_PORT=8080 \
    GRANTSMITH_DATA=/var/lib/grantsmith \
    GRANTSMITH_LOG_FORMAT=json \
    GRANTSMITH_JAVA_OPTS="-Xmx96m -XX:MaxMetaspaceSize=128m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -XX:TrimNativeHeapInterval=10000 -XX:SharedArchiveFile=/opt/grantsmith/grantsmith.jsa"
# The data directory: the SQLite database (store=sqlite), and the master key and admin token when none is given.
VOLUME ["/var/lib/grantsmith"]
USER 10001:10001
WORKDIR /var/lib/grantsmith
EXPOSE 8080
# `grantsmith health-check` reads serve's settings (GRANTSMITH_HOST, GRANTSMITH_PORT, the TLS ones, GRANTSMITH_CONFIG)
# as serve does, so the probe follows them: the port and http or https. Settings given as arguments to serve (a
# compose `command:`) are not seen: give them as GRANTSMITH_ variables. A small JVM: it runs every 10 seconds.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
    CMD ["java", "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", \
         "-jar", "/opt/grantsmith/grantsmith.jar", "health-check"]
# exec: Java is PID 1 and gets SIGTERM itself, so it stops taking requests and flushes the store before it exits
ENTRYPOINT ["/bin/sh", "-c", "exec java $GRANTSMITH_JAVA_OPTS -jar /opt/grantsmith/grantsmith.jar \"$@\"", "grantsmith"]
CMD ["serve"]

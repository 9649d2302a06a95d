#!/usr/bin/env bash
# Signing throughput: ServiceKeyRing.sign against the raw signatures of the JDK's provider and of the native one
# (ACCP for RSA/ECDSA, Tink for EdDSA) that jose-provider auto signs with, one thread, interleaved.
# Usage: bench/signing.sh [millis-per-measurement=3000] [rounds=3]; JAVA=/path/to/java picks the JDK.
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file=$(mktemp)
trap 'rm -f "$classpath_file"' EXIT
mvn -B -q -pl grantsmith-jose -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$classpath_file" >/dev/null
# the reactor modules' classes, then their dependencies (the last build-classpath written is grantsmith-jose's)
cp="grantsmith-jose/target/test-classes:grantsmith-jose/target/classes:grantsmith-core/target/classes"
cp="$cp:grantsmith-api/target/classes:$(cat "$classpath_file")"
"${JAVA:-java}" -cp "$cp" io.grantsmith.jose.bench.SigningThroughput "$@"

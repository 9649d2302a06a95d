package io.grantsmith.server.cli;

import picocli.CommandLine.Option;

/** {@code --service ID}: the service a command acts on. */
final class ServiceOption {
    @Option(names = "--service", required = true, paramLabel = "ID", description = "The service ID (apiKey).")
    long serviceId;
}

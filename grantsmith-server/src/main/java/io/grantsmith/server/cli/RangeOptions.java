package io.grantsmith.server.cli;

import io.grantsmith.facade.manage.Paging;
import picocli.CommandLine.Option;

/** {@code --start} and {@code --end} of a list command. */
final class RangeOptions {
    @Option(names = "--start", defaultValue = "0", description = "First index (default: ${DEFAULT-VALUE}).")
    int start;

    @Option(names = "--end", defaultValue = "100", description = "Index after the last (default: ${DEFAULT-VALUE}).")
    int end;

    Paging paging() {
        return Paging.of(start, end);
    }
}

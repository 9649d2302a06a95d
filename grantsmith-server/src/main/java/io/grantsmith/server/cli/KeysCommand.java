package io.grantsmith.server.cli;

import io.grantsmith.core.jose.SigningAlgorithm;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code grantsmith keys list|rotate}: a service's signing keys, offline. A running server sees a rotation within
 * its {@code --cache-ttl}.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "List and rotate a service's signing keys "
        + "offline.", subcommands = {KeysCommand.ListKeys.class, KeysCommand.Rotate.class})
final class KeysCommand {
    @ParentCommand
    GrantsmithCommand root;

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the service's keys with their state (CURRENT, NEXT, RETIRED) and times; no key "
                    + "material is printed.")
    static final class ListKeys implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Mixin
        DataOptions data;

        @Mixin
        ServiceOption service;

        @Override
        public Integer call() throws Exception {
            return parent.root.printOffline(data, grantsmith -> grantsmith.keys().list(service.serviceId));
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Rotate the service's keys: the next key becomes current, the current key retires (still "
                    + "published until the tokens it signed have expired), and a new next key is published.")
    static final class Rotate implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Mixin
        DataOptions data;

        @Mixin
        ServiceOption service;

        @Option(names = "--alg", paramLabel = "ALG",
                description = "Rotate this algorithm only: ${COMPLETION-CANDIDATES}; one the service has no key for "
                        + "is added (default: every algorithm the service has keys for).")
        SigningAlgorithm algorithm;

        @Override
        public Integer call() throws Exception {
            return parent.root.printOffline(data, grantsmith -> grantsmith.keys().rotate(service.serviceId, algorithm));
        }
    }
}

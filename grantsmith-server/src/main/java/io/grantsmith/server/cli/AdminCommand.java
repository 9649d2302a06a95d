package io.grantsmith.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code grantsmith admin reset-token}: replaces a lost generated admin token. */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Administration.",
        subcommands = AdminCommand.ResetToken.class)
final class AdminCommand {
    @ParentCommand
    GrantsmithCommand root;

    @Command(name = "reset-token", mixinStandardHelpOptions = true,
            description = "Generate a new admin token and print it on standard output; the old one stops working at "
                    + "once, and within two seconds on a server running over the same data directory. Refused while "
                    + "the token is configured (GRANTSMITH_ADMIN_TOKEN).")
    static final class ResetToken implements Callable<Integer> {
        @ParentCommand
        AdminCommand parent;

        @Mixin
        DataOptions data;

        @Override
        public Integer call() throws Exception {
            GrantsmithCommand root = parent.root;
            if (root.config().setting("admin-token") != null) {
                root.err().println("grantsmith: the admin token is configured (GRANTSMITH_ADMIN_TOKEN or admin-token); "
                        + "change it there.");
                return 1;
            }
            return root.offline(data, grantsmith -> {
                root.out().println(grantsmith.resetAdminToken());
                return 0;
            });
        }
    }
}

package io.grantsmith.server.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code grantsmith user add|remove}: users of the built-in authorization server's password grant. Passwords
 * are read from the terminal (not echoed) or from standard input, never from the command line.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Manage users of the built-in authorization server (password grant).",
        subcommands = {UserCommand.Add.class, UserCommand.Remove.class})
final class UserCommand {
    @ParentCommand
    GrantsmithCommand root;

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user (password hashed with Argon2id). The password is prompted for, or read "
                    + "as one line from stdin with --password-stdin.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @Mixin
        DataOptions data;

        @Mixin
        ServiceOption service;

        @Option(names = "--username", required = true, paramLabel = "NAME", description = "The login name.")
        String username;

        @Option(names = "--subject", paramLabel = "SUBJECT",
                description = "The subject of issued tokens (default: the username; printable ASCII).")
        String subject;

        @Option(names = "--password-stdin", description = "Read the password from standard input.")
        boolean passwordStdin;

        @Option(names = "--replace", description = "Replace the password and subject of an existing user.")
        boolean replace;

        @Override
        public Integer call() throws Exception {
            GrantsmithCommand root = parent.root;
            String password = readPassword();
            return root.offline(data, grantsmith -> {
                if (!grantsmith.users().add(service.serviceId, username, password, subject, replace)) {
                    root.err().println("The user '" + username + "' exists; add --replace to change it.");
                    return 1;
                }
                root.out().println("Added user '" + username + "' to service " + service.serviceId + ".");
                return 0;
            });
        }

        private String readPassword() throws IOException {
            Console console = System.console();
            if (!passwordStdin && console != null) {
                char[] first = console.readPassword("Password for %s: ", username);
                char[] second = console.readPassword("Repeat the password: ");
                if (first == null || second == null || !new String(first).equals(new String(second))) {
                    throw new IllegalArgumentException("the passwords differ");
                }
                return new String(first);
            }
            BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = stdin.readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException("no password on standard input");
            }
            return line;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @Mixin
        DataOptions data;

        @Mixin
        ServiceOption service;

        @Option(names = "--username", required = true, paramLabel = "NAME", description = "The login name.")
        String username;

        @Override
        public Integer call() throws Exception {
            GrantsmithCommand root = parent.root;
            return root.offline(data, grantsmith -> {
                if (!grantsmith.users().remove(service.serviceId, username)) {
                    root.err().println("No user '" + username + "' in service " + service.serviceId + ".");
                    return 1;
                }
                root.out().println("Removed user '" + username + "'.");
                return 0;
            });
        }
    }
}

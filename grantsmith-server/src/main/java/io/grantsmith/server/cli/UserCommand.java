package io.grantsmith.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.registry.StoredUser;
import io.grantsmith.facade.json.WireJson;
import io.grantsmith.facade.users.UserDocuments;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code grantsmith user add|claims|remove}: users of the built-in authorization server and their claims (name,
 * email, ...: what ID tokens and the userinfo endpoint say about them). Passwords are read from the terminal (not
 * echoed) or from standard input, never from the command line.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Manage users of the built-in authorization server and their claims.",
        subcommands = {UserCommand.Add.class, UserCommand.Claims.class, UserCommand.Remove.class})
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

        @Option(names = "--replace",
                description = "Replace the password and subject (and the claims, when given) of an existing user.")
        boolean replace;

        @Mixin
        ClaimsOptions claims;

        @Override
        public Integer call() throws Exception {
            GrantsmithCommand root = parent.root;
            JsonNode claimValues = claims.read();
            String password = readPassword();
            return root.offline(data, grantsmith -> {
                if (!grantsmith.users().add(service.serviceId, username, password, subject, claimValues, replace)) {
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

    @Command(name = "claims", mixinStandardHelpOptions = true,
            description = "Show a user's subject and claims, or replace the claims with --claims or --claims-file "
                    + "(a JSON object of OpenID Connect claims, e.g. {\"name\":\"Alice\",\"email\":\"alice@example.com\","
                    + "\"email_verified\":true}; {} removes them all).")
    static final class Claims implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @Mixin
        DataOptions data;

        @Mixin
        ServiceOption service;

        @Option(names = "--username", required = true, paramLabel = "NAME", description = "The login name.")
        String username;

        @Mixin
        ClaimsOptions claims;

        @Override
        public Integer call() throws Exception {
            GrantsmithCommand root = parent.root;
            JsonNode claimValues = claims.read();
            return root.offline(data, grantsmith -> {
                if (claimValues != null && !grantsmith.users().setClaims(service.serviceId, username, claimValues)) {
                    root.err().println("No user '" + username + "' in service " + service.serviceId + ".");
                    return 1;
                }
                Optional<StoredUser> user = grantsmith.users().find(service.serviceId, username);
                if (user.isEmpty()) {
                    root.err().println("No user '" + username + "' in service " + service.serviceId + ".");
                    return 1;
                }
                root.out().println(WireJson.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(UserDocuments.of(user.get())));
                return 0;
            });
        }
    }

    /** The claims of a user, inline or from a file; neither reads standard input, which carries the password. */
    static final class ClaimsOptions {
        @Option(names = "--claims", paramLabel = "JSON",
                description = "The user's claims as a JSON object, e.g. '{\"name\":\"Alice\",\"email_verified\":true}'.")
        String inline;

        @Option(names = "--claims-file", paramLabel = "FILE", description = "Read the user's claims from a JSON file.")
        Path file;

        /** The claims given, or null when none were. */
        JsonNode read() throws IOException {
            if (inline != null && file != null) {
                throw new IllegalArgumentException("give --claims or --claims-file, not both");
            }
            if (inline == null && file == null) {
                return null;
            }
            try {
                JsonNode claims = WireJson.mapper().readTree(inline != null ? inline : Files.readString(file));
                if (claims == null || !claims.isObject()) {
                    throw new IllegalArgumentException("the claims must be a JSON object");
                }
                return claims;
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("the claims file '" + file + "' does not exist");
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the claims are not valid JSON");
            }
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

package io.grantsmith.server.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.facade.json.WireJson;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code grantsmith client create|list}: clients of a service, offline. */
@Command(name = "client", mixinStandardHelpOptions = true, description = "Create and list clients offline.",
        subcommands = {ClientCommand.Create.class, ClientCommand.ListClients.class})
final class ClientCommand {
    @ParentCommand
    GrantsmithCommand root;

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a client and print it with its clientId and clientSecret.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        ClientCommand parent;

        @Mixin
        DataOptions data;

        @Mixin
        ServiceOption service;

        @Option(names = "--name", paramLabel = "NAME", description = "The client name.")
        String name;

        @Option(names = "--type", paramLabel = "TYPE", defaultValue = "confidential",
                description = "confidential or public (default: ${DEFAULT-VALUE}).")
        String type;

        @Option(names = "--auth-method", paramLabel = "METHOD",
                description = "Token endpoint authentication: client_secret_basic (default for confidential "
                        + "clients), client_secret_post or none (public clients).")
        String authMethod;

        @Option(names = "--grant-types", split = ",", paramLabel = "TYPE",
                description = "Grant types the client may use, e.g. client_credentials,password,refresh_token "
                        + "(default: authorization_code,refresh_token).")
        List<String> grantTypes = List.of();

        @Option(names = "--alias", paramLabel = "ALIAS",
                description = "A client ID alias (enabled for the client; the service must enable aliases too).")
        String alias;

        @Option(names = "--json", paramLabel = "FILE",
                description = "Take the whole Client JSON from FILE ('-' for stdin) instead of the options above.")
        String json;

        @Override
        public Integer call() throws Exception {
            ObjectNode body = json != null ? JsonInput.read(json, System.in) : fromOptions();
            return parent.root.printOffline(data, grantsmith -> grantsmith.clients().create(service.serviceId, body));
        }

        private ObjectNode fromOptions() {
            ObjectNode body = WireJson.mapper().createObjectNode();
            body.put("clientName", name);
            body.put("clientType", Names.constant(type));
            if (authMethod != null) {
                body.put("tokenAuthMethod", Names.constant(authMethod));
            }
            if (!grantTypes.isEmpty()) { // else the server's default
                ArrayNode types = body.putArray("grantTypes");
                grantTypes.forEach(grantType -> types.add(Names.constant(grantType)));
            }
            if (alias != null) {
                body.put("clientIdAlias", alias);
                body.put("clientIdAliasEnabled", true);
            }
            return body;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the clients of a service.")
    static final class ListClients implements Callable<Integer> {
        @ParentCommand
        ClientCommand parent;

        @Mixin
        DataOptions data;

        @Mixin
        ServiceOption service;

        @Mixin
        RangeOptions range;

        @Override
        public Integer call() throws Exception {
            return parent.root.printOffline(data,
                    grantsmith -> grantsmith.clients().list(service.serviceId, range.paging()));
        }
    }
}

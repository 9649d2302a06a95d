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

/** {@code grantsmith service create|list|rotate-secret}: services, offline (directly on the data directory). */
@Command(name = "service", mixinStandardHelpOptions = true,
        description = "Create and list services, and rotate their API secrets, offline.",
        subcommands = {ServiceCommand.Create.class, ServiceCommand.ListServices.class, ServiceCommand.RotateSecret.class})
final class ServiceCommand {
    @ParentCommand
    GrantsmithCommand root;

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a service and print it with its apiKey (the service ID) and apiSecret "
                    + "(shown only now).")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        ServiceCommand parent;

        @Mixin
        DataOptions data;

        @Option(names = "--name", paramLabel = "NAME", description = "The service name.")
        String name;

        @Option(names = "--scopes", split = ",", paramLabel = "SCOPE",
                description = "Supported scopes, comma-separated.")
        List<String> scopes = List.of();

        @Option(names = "--default-scopes", split = ",", paramLabel = "SCOPE",
                description = "Scopes granted when a request names none (each must be in --scopes).")
        List<String> defaultScopes = List.of();

        @Option(names = "--grant-types", split = ",", paramLabel = "TYPE",
                description = "Supported grant types, e.g. CLIENT_CREDENTIALS,PASSWORD,REFRESH_TOKEN "
                        + "(default: those three and AUTHORIZATION_CODE).")
        List<String> grantTypes;

        @Option(names = "--json", paramLabel = "FILE",
                description = "Take the whole Service JSON from FILE ('-' for stdin) instead of the options above.")
        String json;

        @Override
        public Integer call() throws Exception {
            ObjectNode body = json != null ? JsonInput.read(json, System.in) : fromOptions();
            return parent.root.printOffline(data, grantsmith -> grantsmith.services().create(body));
        }

        private ObjectNode fromOptions() {
            for (String scope : defaultScopes) {
                if (!scopes.contains(scope)) {
                    throw new IllegalArgumentException("the default scope '" + scope + "' is not one of --scopes");
                }
            }
            ObjectNode body = WireJson.mapper().createObjectNode();
            body.put("serviceName", name);
            ArrayNode supported = body.putArray("supportedScopes");
            for (String scope : scopes) {
                supported.addObject().put("name", scope).put("defaultEntry", defaultScopes.contains(scope));
            }
            if (grantTypes != null) {
                ArrayNode types = body.putArray("supportedGrantTypes");
                grantTypes.forEach(type -> types.add(Names.constant(type)));
            }
            return body;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List services (without secrets).")
    static final class ListServices implements Callable<Integer> {
        @ParentCommand
        ServiceCommand parent;

        @Mixin
        DataOptions data;

        @Mixin
        RangeOptions range;

        @Override
        public Integer call() throws Exception {
            return parent.root.printOffline(data, grantsmith -> grantsmith.services().list(range.paging()));
        }
    }

    @Command(name = "rotate-secret", mixinStandardHelpOptions = true,
            description = "Replace a service's apiSecret and print the new one (shown only now). The old secret stops "
                    + "working at once here and within two seconds on a server running over the same data directory.")
    static final class RotateSecret implements Callable<Integer> {
        @ParentCommand
        ServiceCommand parent;

        @Mixin
        DataOptions data;

        @Mixin
        ServiceOption service;

        @Override
        public Integer call() throws Exception {
            return parent.root.printOffline(data,
                    grantsmith -> grantsmith.services().rotateSecret(service.serviceId, "/service/secret/rotate"));
        }
    }
}

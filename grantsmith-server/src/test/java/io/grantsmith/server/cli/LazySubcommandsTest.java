package io.grantsmith.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.Cli;
import io.grantsmith.server.config.ConfigDefaults;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * A run that starts with a subcommand's name builds picocli's model of that subcommand only (a quarter of a restart's
 * time was picocli modelling all of them); everything a person sees stays what the whole command line shows.
 */
class LazySubcommandsTest {
    private static final String[] ALL = {"serve", "health-check", "service", "client", "user", "keys", "admin", "help"};

    private static GrantsmithCommand root() {
        try {
            return new GrantsmithCommand(ConfigDefaults.load(Map.of(), null), null, false);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "health-check", "service", "client", "user", "keys", "admin"})
    void aRunOfOneSubcommandModelsThatOneOnly(String name) {
        CommandLine commandLine = GrantsmithCommand.commandLine(root(), new String[] {name, "--help"});

        assertThat(commandLine.getSubcommands()).containsOnlyKeys(name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''|", "--help|", "--version|", "help|serve", "serv|", "--data|serve"})
    void everyOtherRunHasEverySubcommandInTheUsagesOrder(String first, String second) {
        String[] args = first.isEmpty() ? new String[0] : second == null ? new String[] {first}
                : new String[] {first, second};

        CommandLine commandLine = GrantsmithCommand.commandLine(root(), args);

        assertThat(commandLine.getSubcommands().keySet()).containsExactly(ALL);
    }

    /** The subcommand's usage (its options, defaults and synopsis) is the same whether it is alone or not. */
    @ParameterizedTest
    @ValueSource(strings = {"serve", "health-check", "service", "client", "user", "keys", "admin"})
    void aSubcommandAloneHasTheUsageItHasAmongAll(String name) {
        String alone = GrantsmithCommand.commandLine(root(), new String[] {name}).getSubcommands().get(name)
                .getUsageMessage(CommandLine.Help.Ansi.OFF);
        String amongAll = GrantsmithCommand.commandLine(root()).getSubcommands().get(name)
                .getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertThat(alone).isEqualTo(amongAll).startsWith("Usage: grantsmith " + name);
    }

    @Test
    void aMisspeltCommandIsStillAnsweredWithTheSuggestion() {
        Cli.Result result = Cli.run(Map.of(), "serv");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unmatched argument at index 0: 'serv'").contains("serve");
    }
}

package io.grantsmith.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.result.TokenResult;
import io.grantsmith.testkit.EngineAssertions;
import io.grantsmith.testkit.EngineFixture;
import io.grantsmith.testkit.TestClients;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of the whole engine on a client's form body (docs/TESTING.md): whatever the body, the
 * engine answers with a result value that carries a result code, and no exception reaches its catch-all.
 *
 * <p>Input: the first byte chooses how the client presents itself (below); the rest is the form body, read as
 * UTF-8 as the HTTP edge reads it. {@value #REFRESH_TOKEN} in the body stands for a live refresh token, minted
 * for that input, so that the refresh grant is reached beyond "unknown token".
 */
class TokenEngineFuzzTest {
    private static final String REFRESH_TOKEN = "{refresh_token}";
    /** Memory stores keep every issued token: start afresh now and then. */
    private static final int EXECUTIONS_PER_FIXTURE = 20_000;

    private EngineFixture fixture;
    private int executions;

    @FuzzTest(maxDuration = "30s")
    void whenAnyFormBodyIsProcessedThenTheResultCarriesAResultCode(byte[] input) {
        if (input.length == 0) {
            return;
        }
        if (fixture == null || ++executions % EXECUTIONS_PER_FIXTURE == 0) {
            fixture = new EngineFixture(new MemoryStores());
        }
        String body = new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8);
        if (body.contains(REFRESH_TOKEN)) {
            body = body.replace(REFRESH_TOKEN, fixture.grant(EngineFixture.service()).refreshToken().value());
        }
        TokenRequest request = presented(input[0], new TokenRequest().setParameters(body));

        TokenResult result = fixture.process(request);

        assertThat(result).isNotNull();
        assertThat(result.result()).isNotNull();
        assertThat(result.result().code()).as("an exception reached the engine's catch-all")
                .isNotEqualTo(ResultCode.UNEXPECTED_ERROR);
        if (result instanceof TokenResult.Ok) {
            assertThat(EngineAssertions.issuance(result).accessToken().value()).isNotBlank();
        }
    }

    /**
     * How the client authenticates besides what the body says: {@code '0'} Basic credentials of a
     * {@code client_secret_basic} client (passed on as {@code clientId}/{@code clientSecret}), {@code '1'} the same
     * with a wrong secret, {@code '2'} only a client ID (as for a public client), anything else nothing.
     */
    private static TokenRequest presented(byte mode, TokenRequest request) {
        return switch (mode) {
            case '0' -> request.setClientId(TestClients.BASIC_ID).setClientSecret(TestClients.BASIC_SECRET);
            case '1' -> request.setClientId(TestClients.BASIC_ID).setClientSecret("wrong");
            case '2' -> request.setClientId(TestClients.PUBLIC_ID);
            default -> request;
        };
    }
}

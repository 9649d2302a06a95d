package io.grantsmith.core.clientauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.ClientType;
import io.grantsmith.core.error.FailureKind;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.result.ClientIdentity;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The registry of client authentication methods and the rules every method shares (pinned method, one method). */
class ClientAuthenticatorTest {
    private static final long SERVICE_ID = 7;
    private static final Service SERVICE = Service.builder(SERVICE_ID).build();
    private static final Client BASIC = confidential(1, ClientAuthMethod.CLIENT_SECRET_BASIC);
    private static final Client POST = confidential(2, ClientAuthMethod.CLIENT_SECRET_POST);
    private static final Client PUBLIC = Client.builder(SERVICE_ID, 3).type(ClientType.PUBLIC)
            .tokenAuthMethod(ClientAuthMethod.NONE).build();
    private static final Client KEY_JWT = confidential(4, ClientAuthMethod.PRIVATE_KEY_JWT);
    private static final Client SECRET_JWT = confidential(5, ClientAuthMethod.CLIENT_SECRET_JWT);
    private static final String SECRET = "s3cret";
    /** A self-signed P-256 certificate for CN=client-3401.example. */
    static final String CERTIFICATE_PEM = """
            -----BEGIN CERTIFICATE-----
            MIIBkjCCATmgAwIBAgIUYCVmF7qYLuoYhGV9rYaQdkbYen0wCgYIKoZIzj0EAwIw
            HjEcMBoGA1UEAwwTY2xpZW50LTM0MDEuZXhhbXBsZTAgFw0yNjEyMDMwNzQ1MzNa
            GA8yMTI2MTEwOTA3NDUzM1owHjEcMBoGA1UEAwwTY2xpZW50LTM0MDEuZXhhbXBs
            ZTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABMnolqhIfN3GGjKfmZGzSyuUk16H
            aR5EZTpfrsQeEtqVnE85kE3H3cK+VxzZ2y96ZBYCgy9Jqcoqnzeq27gGTvejUzBR
            MB0GA1UdDgQWBBRemE4IY7SnpwjaBQKJUaDfyrZlwjAfBgNVHSMEGDAWgBRemE4I
            Y7SnpwjaBQKJUaDfyrZlwjAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0cA
            MEQCIHBGacM3m3DSqTxkqalmRm0at7Fu+gp600oDLAl5/aajAiAJfRJ+LRntl9T5
            gx5+vzR80vVfoSm746/DcVIleI/1Aw==
            -----END CERTIFICATE-----
            """;

    private final RecordingKeyJwt keyJwt = new RecordingKeyJwt();

    @Test
    void whenAnEmbedderRegistersAMethodThenItsClientsAuthenticateWithIt() {
        ClientAuthenticator authenticator = new ClientAuthenticator(ClientAuthenticators.defaults().with(keyJwt));
        PresentedCredentials credentials = credentials(null, null, "client_id", "4", "client_assertion", "eyJ.good.sig",
                "client_assertion_type", ClientAssertion.JWT_BEARER);

        ClientIdentity identity = authenticator.authenticate(SERVICE, identity(KEY_JWT), credentials);

        assertThat(identity.authMethod()).isEqualTo(ClientAuthMethod.PRIVATE_KEY_JWT);
        assertThat(keyJwt.seen).containsExactly(new ClientAssertion("eyJ.good.sig", ClientAssertion.JWT_BEARER));
        // its refusal is the engine's answer
        OAuthException refusal = refusal(authenticator, KEY_JWT, credentials(null, null, "client_id", "4",
                "client_assertion", "eyJ.bad.sig", "client_assertion_type", ClientAssertion.JWT_BEARER));
        assertThat(refusal.error().result().code()).isEqualTo(ResultCode.CLIENT_SECRET_WRONG);
        // the built-in methods are still there
        assertThat(authenticator.authenticate(SERVICE, identity(BASIC), credentials("1", SECRET)).authMethod())
                .isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
    }

    @Test
    void whenNoAuthenticatorIsRegisteredForTheClientsMethodThenTheMethodIsNotSupported() {
        ClientAuthenticator defaults = new ClientAuthenticator(ClientAuthenticators.defaults());

        // an assertion today: refused as Authlete refuses a method it does not support, naming the method
        for (Client client : List.of(KEY_JWT, SECRET_JWT)) {
            OAuthException refusal = refusal(defaults, client, credentials(null, null, "client_id",
                    Long.toString(client.id()), "client_assertion", "eyJ.x.y", "client_assertion_type",
                    ClientAssertion.JWT_BEARER));
            assertThat(refusal.kind()).isEqualTo(FailureKind.INVALID_CLIENT);
            assertThat(refusal.error().result().code()).isEqualTo(ResultCode.CLIENT_AUTH_METHOD_NOT_SUPPORTED);
            assertThat(refusal.error().result().text()).isEqualTo("The client authentication method '"
                    + client.tokenAuthMethod().wireValue() + "' is not supported.");
        }
        OAuthException withoutAny = refusal(new ClientAuthenticator(ClientAuthenticators.none()), BASIC,
                credentials("1", SECRET));
        assertThat(withoutAny.error().result().code()).isEqualTo(ResultCode.CLIENT_AUTH_METHOD_NOT_SUPPORTED);
    }

    @Test
    void whenTheRegistryIsBuiltThenItHoldsOneAuthenticatorPerMethod() {
        ClientAuthenticators defaults = ClientAuthenticators.defaults();
        ClientAuthenticationMethod replacement = new ClientSecretBasic();

        ClientAuthenticators extended = defaults.with(keyJwt).with(replacement);

        assertThat(defaults.methods()).containsExactly(ClientAuthMethod.NONE, ClientAuthMethod.CLIENT_SECRET_BASIC,
                ClientAuthMethod.CLIENT_SECRET_POST);
        assertThat(extended.methods()).containsExactly(ClientAuthMethod.NONE, ClientAuthMethod.CLIENT_SECRET_BASIC,
                ClientAuthMethod.CLIENT_SECRET_POST, ClientAuthMethod.PRIVATE_KEY_JWT);
        assertThat(extended.find(ClientAuthMethod.CLIENT_SECRET_BASIC)).containsSame(replacement);
        assertThat(defaults.find(ClientAuthMethod.PRIVATE_KEY_JWT)).isEmpty();
        assertThat(ClientAuthenticators.none().methods()).isEmpty();
    }

    /** What a request presents, and who: the {@code Authorization} header's id and secret, then body pairs. */
    record Presented(String name, Client client, PresentedCredentials credentials) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Presented> moreThanOneMethod() {
        return Stream.of(
                new Presented("client_secret_basic with a client_secret in the body too", BASIC,
                        credentials("1", SECRET, "client_secret", SECRET)),
                new Presented("client_secret_basic with a client_assertion too", BASIC,
                        credentials("1", SECRET, "client_assertion", "eyJ.x.y")),
                new Presented("client_secret_post with Basic too", POST,
                        credentials("2", SECRET, "client_id", "2", "client_secret", SECRET)),
                new Presented("client_secret_post with a client_assertion too", POST,
                        credentials(null, null, "client_id", "2", "client_secret", SECRET, "client_assertion", "a")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moreThanOneMethod")
    void whenMoreThanOneMethodIsPresentedThenTheRequestIsRefused(Presented presented) {
        OAuthException refusal = refusal(new ClientAuthenticator(ClientAuthenticators.defaults()), presented.client(),
                presented.credentials());

        assertThat(refusal.kind()).isEqualTo(FailureKind.BAD_REQUEST);
        assertThat(refusal.error().error()).isEqualTo(OAuthErrorCode.INVALID_REQUEST);
        assertThat(refusal.error().result().code()).isEqualTo(ResultCode.MULTIPLE_CLIENT_AUTH_METHODS);
    }

    /** A refusal because what was presented does not fit the method the client registered. */
    record Mismatch(String name, Client client, PresentedCredentials credentials, ResultCode code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Mismatch> mismatches() {
        Client publicWithBasic = Client.builder(SERVICE_ID, 6).type(ClientType.PUBLIC)
                .tokenAuthMethod(ClientAuthMethod.CLIENT_SECRET_BASIC).secret(SECRET).build();
        return Stream.of(
                new Mismatch("client_secret_basic client posts its secret", BASIC,
                        credentials(null, null, "client_id", "1", "client_secret", SECRET),
                        ResultCode.CLIENT_CREDENTIALS_WRONG_LOCATION),
                new Mismatch("client_secret_basic client presents an assertion only", BASIC,
                        credentials(null, null, "client_id", "1", "client_assertion", "eyJ.x.y"),
                        ResultCode.CLIENT_CREDENTIALS_WRONG_LOCATION),
                new Mismatch("client_secret_post client uses Basic", POST, credentials("2", SECRET),
                        ResultCode.CLIENT_CREDENTIALS_WRONG_LOCATION),
                new Mismatch("client_secret_post client presents an assertion only", POST,
                        credentials(null, null, "client_id", "2", "client_assertion", "eyJ.x.y"),
                        ResultCode.CLIENT_SECRET_MISSING),
                new Mismatch("none client sends a secret", PUBLIC,
                        credentials(null, null, "client_id", "3", "client_secret", SECRET),
                        ResultCode.PUBLIC_CLIENT_SENT_CREDENTIALS),
                new Mismatch("none client sends Basic", PUBLIC, credentials("3", SECRET),
                        ResultCode.PUBLIC_CLIENT_SENT_CREDENTIALS),
                new Mismatch("none client sends an assertion", PUBLIC,
                        credentials(null, null, "client_id", "3", "client_assertion", "eyJ.x.y"),
                        ResultCode.PUBLIC_CLIENT_SENT_CREDENTIALS),
                new Mismatch("private_key_jwt client (registered) sends Basic", KEY_JWT, credentials("4", SECRET),
                        ResultCode.CLIENT_SECRET_MISSING),
                new Mismatch("public client registered with client_secret_basic", publicWithBasic,
                        credentials("6", SECRET), ResultCode.PUBLIC_CLIENT_WITHOUT_NONE),
                new Mismatch("confidential client registered with none", confidential(8, ClientAuthMethod.NONE),
                        credentials(null, null, "client_id", "8"), ResultCode.CONFIDENTIAL_CLIENT_WITH_NONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mismatches")
    void whenThePresentedCredentialsDoNotFitTheRegisteredMethodThenTheClientIsRefused(Mismatch mismatch) {
        OAuthException refusal = refusal(new ClientAuthenticator(ClientAuthenticators.defaults().with(keyJwt)),
                mismatch.client(), mismatch.credentials());

        assertThat(refusal.kind()).isEqualTo(FailureKind.INVALID_CLIENT);
        assertThat(refusal.error().result().code()).isEqualTo(mismatch.code());
    }

    @ParameterizedTest
    @EnumSource(value = ClientAuthMethod.class, names = {"NONE", "CLIENT_SECRET_BASIC", "CLIENT_SECRET_POST"})
    void whenTheServiceDoesNotAllowTheRegisteredMethodThenNoAuthenticatorIsAsked(ClientAuthMethod method) {
        Client client = method == ClientAuthMethod.NONE ? PUBLIC : method == ClientAuthMethod.CLIENT_SECRET_POST
                ? POST : BASIC;
        EnumSet<ClientAuthMethod> others = EnumSet.complementOf(EnumSet.of(method));
        Service service = Service.builder(SERVICE_ID).tokenAuthMethods(others).build();

        OAuthException refusal = refusal(new ClientAuthenticator(ClientAuthenticators.defaults()), service, client,
                credentials(null, null, "client_id", Long.toString(client.id()), "client_secret", SECRET));

        assertThat(refusal.error().result().code()).isEqualTo(ResultCode.CLIENT_AUTH_METHOD_NOT_SUPPORTED);
        assertThat(refusal.error().result().text()).contains("'" + method.wireValue() + "'");
    }

    @Test
    void whenARequestCarriesAnAssertionAndACertificateThenTheCredentialsHoldThem() throws CertificateException {
        TokenRequest request = new TokenRequest().setClientCertificate(CERTIFICATE_PEM)
                .setClientCertificatePath(new String[] {CERTIFICATE_PEM});
        FormParameters form = FormParameters.parse("grant_type=client_credentials&client_id=4&client_assertion=eyJ.a.b"
                + "&client_assertion_type=" + ClientAssertion.JWT_BEARER.replace(":", "%3A"));

        PresentedCredentials credentials = PresentedCredentials.of(request, form);

        assertThat(credentials.assertion()).isEqualTo(new ClientAssertion("eyJ.a.b", ClientAssertion.JWT_BEARER));
        assertThat(credentials.hasCertificate()).isTrue();
        assertThat(credentials.certificate().x509().getSubjectX500Principal().getName())
                .isEqualTo("CN=client-3401.example");
        assertThat(credentials.certificate().path()).containsExactly(CERTIFICATE_PEM);
        assertThat(credentials.toString()).doesNotContain("eyJ.a.b");
        // absent, empty and blank count as not presented
        PresentedCredentials none = PresentedCredentials.of(new TokenRequest().setClientCertificate(" "),
                FormParameters.parse("grant_type=client_credentials&client_assertion="));
        assertThat(none.hasAssertion()).isFalse();
        assertThat(none.hasCertificate()).isFalse();
    }

    @Test
    void whenACertificateIsGivenParsedOrAsDerThenItIsTheSame() throws CertificateException {
        java.security.cert.X509Certificate parsed = ClientCertificate.fromPem(CERTIFICATE_PEM, List.of()).x509();

        assertThat(ClientCertificate.of(parsed).x509()).isSameAs(parsed);
        assertThat(ClientCertificate.fromDer(parsed.getEncoded()).x509()).isEqualTo(parsed);
        ClientCertificate garbage = ClientCertificate.fromPem("-----BEGIN CERTIFICATE-----\nAAAA\n", List.of());
        assertThat(catchThrowableOfType(CertificateException.class, garbage::x509)).isNotNull();
    }

    /** A stand-in private_key_jwt: accepts the assertion whose value ends with ".good.sig". */
    private static final class RecordingKeyJwt implements ClientAuthenticationMethod {
        final List<ClientAssertion> seen = new ArrayList<>();

        @Override
        public ClientAuthMethod method() {
            return ClientAuthMethod.PRIVATE_KEY_JWT;
        }

        @Override
        public void authenticate(Service service, Client client, PresentedCredentials credentials) {
            if (!credentials.hasAssertion()) {
                throw OAuthException.invalidClient(ResultCode.CLIENT_SECRET_MISSING, method().wireValue());
            }
            if (!credentials.assertion().value().endsWith(".good.sig")) {
                throw OAuthException.invalidClient(ResultCode.CLIENT_SECRET_WRONG);
            }
            seen.add(credentials.assertion());
        }
    }

    private static Client confidential(long id, ClientAuthMethod method) {
        return Client.builder(SERVICE_ID, id).tokenAuthMethod(method).secret(SECRET).build();
    }

    private static ClientIdentity identity(Client client) {
        return new ClientIdentity(client, false, null);
    }

    /** Credentials with Basic {@code headerId}/{@code headerSecret} (null: no header) and a form body. */
    private static PresentedCredentials credentials(String headerId, String headerSecret, String... body) {
        StringBuilder form = new StringBuilder("grant_type=password");
        for (int i = 0; i < body.length; i += 2) {
            form.append('&').append(body[i]).append('=').append(body[i + 1]);
        }
        return PresentedCredentials.of(new TokenRequest().setClientId(headerId).setClientSecret(headerSecret),
                FormParameters.parse(form.toString()));
    }

    private static OAuthException refusal(ClientAuthenticator authenticator, Client client,
            PresentedCredentials credentials) {
        return refusal(authenticator, SERVICE, client, credentials);
    }

    private static OAuthException refusal(ClientAuthenticator authenticator, Service service, Client client,
            PresentedCredentials credentials) {
        OAuthException refusal = catchThrowableOfType(OAuthException.class,
                () -> authenticator.authenticate(service, identity(client), credentials));
        assertThat(refusal).as("refused").isNotNull();
        return refusal;
    }
}

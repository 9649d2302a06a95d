package io.grantsmith.facade.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.api.types.ApplicationType;
import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.Display;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.api.types.Prompt;
import io.grantsmith.api.types.ResponseMode;
import io.grantsmith.api.types.ResponseType;
import io.grantsmith.api.types.SubjectType;
import io.grantsmith.core.model.AuthorizationSettings;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.ClientMetadata;
import io.grantsmith.core.model.IdTokenAudType;
import io.grantsmith.core.model.Service;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.json.WireJson;
import io.grantsmith.registry.StoredClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The authorization settings decoded from stored documents under Authlete's member names. */
class AuthorizationDocumentsTest {
    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) WireJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void whenServiceSaysNothingThenAuthletesDefaultsApply() {
        assertThat(ServiceDocuments.model(1, "{}").authorization()).isEqualTo(AuthorizationSettings.DEFAULTS);
        assertThat(AuthorizationSettings.DEFAULTS.supportedResponseTypes()).containsExactly(ResponseType.CODE);
        assertThat(AuthorizationSettings.DEFAULTS.idTokenDuration()).isEqualTo(Duration.ofDays(1));
        assertThat(AuthorizationSettings.DEFAULTS.idTokenAudType()).isEqualTo(IdTokenAudType.ARRAY);
    }

    @Test
    void whenServiceDocumentHasAuthorizationSettingsThenEachIsDecoded() {
        AuthorizationSettings settings = ServiceDocuments.model(1, "{\"issuer\":\"https://as.example.com\","
                + "\"supportedResponseTypes\":[\"CODE\",\"CODE_ID_TOKEN\"],\"pkceRequired\":true,"
                + "\"pkceS256Required\":true,\"loopbackRedirectionUriVariable\":true,"
                + "\"supportedPromptValues\":[\"NONE\",\"CREATE\"],\"supportedAcrs\":[\"urn:a\"],"
                + "\"supportedClaims\":[\"email\"],\"supportedDisplays\":[\"PAGE\"],\"supportedUiLocales\":[\"en\"],"
                + "\"supportedClaimLocales\":[\"ja\"],\"issSuppressed\":true,\"claimShortcutRestrictive\":true,"
                + "\"authorizationCodeDuration\":60,\"idTokenDuration\":300,\"idTokenAudType\":\"string\","
                + "\"parRequired\":true,\"requestObjectRequired\":true}").authorization();

        assertThat(settings).isEqualTo(AuthorizationSettings.builder().issuer("https://as.example.com")
                .responseTypes(Set.of(ResponseType.CODE, ResponseType.CODE_ID_TOKEN)).pkceRequired(true)
                .pkceS256Required(true).loopbackRedirectionUriVariable(true)
                .promptValues(Set.of(Prompt.NONE, Prompt.CREATE)).acrs(List.of("urn:a")).claims(List.of("email"))
                .displays(Set.of(Display.PAGE)).uiLocales(List.of("en")).claimLocales(List.of("ja"))
                .issSuppressed(true).claimShortcutRestrictive(true)
                .authorizationCodeDuration(Duration.ofSeconds(60)).idTokenDuration(Duration.ofSeconds(300))
                .idTokenAudType(IdTokenAudType.STRING).parRequired(true).requestObjectRequired(true).build());
    }

    @Test
    void whenListsAreEmptyOrNullThenEmptyMeansNoneAndNullMeansTheDefault() {
        AuthorizationSettings settings = ServiceDocuments.model(1,
                "{\"supportedResponseTypes\":[],\"supportedPromptValues\":null,\"authorizationCodeDuration\":0}")
                .authorization();

        assertThat(settings.supportedResponseTypes()).isEmpty();
        assertThat(settings.supportedPromptValues()).isEqualTo(AuthorizationSettings.DEFAULT_PROMPT_VALUES);
        assertThat(settings.authorizationCodeDuration())
                .isEqualTo(AuthorizationSettings.DEFAULT_AUTHORIZATION_CODE_DURATION);
    }

    @Test
    void whenClientDocumentHasMetadataThenEachMemberIsDecoded() {
        Client client = ClientDocuments.model(stored("{\"clientName\":\"App\","
                + "\"redirectUris\":[\"https://c.example.com/cb\",\"http://127.0.0.1/cb\"],"
                + "\"responseTypes\":[\"CODE\",\"TOKEN\"],\"responseModes\":[\"QUERY\",\"FORM_POST\"],"
                + "\"applicationType\":\"NATIVE\",\"pkceRequired\":true,\"pkceS256Required\":true,"
                + "\"defaultMaxAge\":3600,\"defaultAcrs\":[\"urn:a\"],\"authTimeRequired\":true,"
                + "\"subjectType\":\"PAIRWISE\",\"sectorIdentifierUri\":\"https://c.example.com/sector.json\","
                + "\"idTokenSignAlg\":\"ES256\",\"parRequired\":true,\"requestObjectRequired\":true}"));

        assertThat(client.metadata()).isEqualTo(ClientMetadata.builder().clientName("App")
                .redirectUris(List.of("https://c.example.com/cb", "http://127.0.0.1/cb"))
                .responseTypes(Set.of(ResponseType.CODE, ResponseType.TOKEN))
                .responseModes(Set.of(ResponseMode.QUERY, ResponseMode.FORM_POST))
                .applicationType(ApplicationType.NATIVE).pkceRequired(true).pkceS256Required(true)
                .defaultMaxAge(3600).defaultAcrs(List.of("urn:a")).authTimeRequired(true)
                .subjectType(SubjectType.PAIRWISE).sectorIdentifierUri("https://c.example.com/sector.json")
                .idTokenSignAlg("ES256").parRequired(true).requestObjectRequired(true).build());
    }

    @Test
    void whenClientSaysNothingThenItMayUseTheCodeFlowWithPublicSubjectsAndRs256() {
        ClientMetadata metadata = ClientDocuments.model(stored("{}")).metadata();

        assertThat(metadata).isEqualTo(ClientMetadata.DEFAULTS);
        assertThat(metadata.responseTypes()).containsExactly(ResponseType.CODE);
        assertThat(metadata.subjectType()).isEqualTo(SubjectType.PUBLIC);
        assertThat(metadata.idTokenSignAlg()).isEqualTo("RS256");
        assertThat(metadata.redirectUris()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"issuer\":\"as.example.com\"}", "{\"issuer\":\"https://as.example.com?x=1\"}",
            "{\"issuer\":\"https://as.example.com#x\"}", "{\"issuer\":\"ftp://as.example.com\"}", "{\"issuer\":1}",
            "{\"supportedResponseTypes\":[\"CODE\",\"TELEPATHY\"]}", "{\"supportedResponseTypes\":\"CODE\"}",
            "{\"pkceRequired\":\"true\"}", "{\"supportedPromptValues\":[\"none\"]}", "{\"supportedAcrs\":[1]}",
            "{\"authorizationCodeDuration\":-1}", "{\"idTokenDuration\":1.5}", "{\"idTokenAudType\":\"list\"}",
            "{\"supportedDisplays\":[\"TV\"]}", "{\"idTokenDuration\":99999999999}"})
    void whenServiceDocumentHasAWrongAuthorizationMemberThenStoringItFailsWith400(String document) {
        assertThatThrownBy(() -> ServiceDocuments.prepare(json(document)))
                .isInstanceOfSatisfying(ApiFailure.class,
                        failure -> assertThat(failure.code()).isEqualTo(ApiResultCode.INVALID_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"redirectUris\":[\"/cb\"]}", "{\"redirectUris\":[\"https://c.example.com/cb#x\"]}",
            "{\"redirectUris\":[\"https://c example.com\"]}", "{\"responseTypes\":[\"code\"]}",
            "{\"responseModes\":[\"QUERY_JWT\",\"POST\"]}", "{\"applicationType\":\"DESKTOP\"}",
            "{\"defaultMaxAge\":-5}", "{\"defaultMaxAge\":3000000000}", "{\"subjectType\":\"public\"}",
            "{\"idTokenSignAlg\":\"\"}", "{\"authTimeRequired\":1}"})
    void whenClientDocumentHasAWrongMetadataMemberThenStoringItFailsWith400(String document) {
        assertThatThrownBy(() -> ClientDocuments.prepare(json(document)))
                .isInstanceOfSatisfying(ApiFailure.class,
                        failure -> assertThat(failure.code()).isEqualTo(ApiResultCode.INVALID_VALUE));
    }

    @Test
    void whenStoredDocumentHasAWrongMemberThenReadingItTakesTheDefaultInstead() {
        AuthorizationSettings settings = ServiceDocuments.model(1, "{\"issuer\":\"not a url\","
                + "\"supportedResponseTypes\":[\"CODE\",\"TELEPATHY\"],\"pkceRequired\":\"yes\","
                + "\"idTokenAudType\":\"list\",\"idTokenDuration\":-1}").authorization();
        ClientMetadata metadata = ClientDocuments.model(stored("{\"redirectUris\":[\"/cb\",\"https://c/cb\"],"
                + "\"defaultMaxAge\":-1,\"subjectType\":\"SECRET\"}")).metadata();

        assertThat(settings.issuer()).isNull();
        assertThat(settings.supportedResponseTypes()).containsExactly(ResponseType.CODE);
        assertThat(settings.pkceRequired()).isFalse();
        assertThat(settings.idTokenAudType()).isEqualTo(IdTokenAudType.ARRAY);
        assertThat(settings.idTokenDuration()).isEqualTo(AuthorizationSettings.DEFAULT_ID_TOKEN_DURATION);
        assertThat(metadata.redirectUris()).containsExactly("/cb", "https://c/cb");
        assertThat(metadata.defaultMaxAge()).isZero();
        assertThat(metadata.subjectType()).isEqualTo(SubjectType.PUBLIC);
    }

    @Test
    void whenDocumentsAreValidThenStoringKeepsTheMembersAsGiven() {
        ObjectNode service = ServiceDocuments.prepare(json("{\"issuer\":\"http://localhost:8080\","
                + "\"supportedResponseTypes\":[\"CODE\"],\"idTokenAudType\":null}"));
        ObjectNode client = ClientDocuments.prepare(json("{\"redirectUris\":[\"com.example.app:/cb\"],"
                + "\"applicationType\":\"NATIVE\",\"responseModes\":null}")).document();

        assertThat(service.get("issuer").asText()).isEqualTo("http://localhost:8080");
        assertThat(client.get("redirectUris").get(0).asText()).isEqualTo("com.example.app:/cb");
    }

    @Test
    void whenAStoredDocumentHoldsMembersThatAreTypedTodayButWereNotThenItStillReadsAndItsOtherSettingsHold() {
        // release 0.1 stored members it did not act on as given: protocol spellings, objects, numbers
        Service service = ServiceDocuments.model(1, "{\"serviceName\":\"old\",\"accessTokenDuration\":300,"
                + "\"supportedGrantTypes\":[\"CLIENT_CREDENTIALS\",\"SOMETHING_NEW\"],"
                + "\"supportedResponseTypes\":[\"code\"],\"jwksUri\":{\"x\":1},\"idTokenDuration\":\"long\","
                + "\"supportedDisplays\":\"PAGE\",\"pkceRequired\":true}");
        Client client = ClientDocuments.model(stored("{\"clientName\":[\"a\"],\"subjectType\":\"pairwise\","
                + "\"grantTypes\":[\"CLIENT_CREDENTIALS\"],\"defaultMaxAge\":\"1h\",\"tokenAuthMethod\":\"CLIENT_SECRET_POST\"}"));

        assertThat(service.accessTokenDuration()).isEqualTo(Duration.ofSeconds(300));
        assertThat(service.supportedGrantTypes()).containsExactly(GrantType.CLIENT_CREDENTIALS);
        assertThat(service.authorization().pkceRequired()).isTrue();
        assertThat(client.grantTypes()).containsExactly(GrantType.CLIENT_CREDENTIALS);
        assertThat(client.tokenAuthMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
    }

    private static StoredClient stored(String document) {
        return new StoredClient(7, 42, null, null, document, Instant.EPOCH, Instant.EPOCH);
    }
}

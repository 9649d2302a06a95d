package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Built-in users and their claims over the management API. */
class UserEndpointsTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static ServiceRef service;
    private static ServiceRef other;

    @BeforeAll
    static void createServices() {
        service = SERVER.service("");
        other = SERVER.service("");
    }

    @Test
    void whenUserIsCreatedWithClaimsThenItIsReadBackWithoutItsPasswordAndCanLogIn() {
        Reply created = SERVER.post(service.path("/user/create")).bearer(service.apiSecret()).json(
                "{\"username\":\"alice\",\"password\":\"correct horse\",\"subject\":\"user-1\","
                        + "\"claims\":{\"name\":\"Alice\",\"email\":\"alice@example.com\",\"email_verified\":true}}")
                .send();

        created.assertJson(200);
        assertThat(created.body()).doesNotContain("correct horse").doesNotContain("argon2").doesNotContain("password");
        assertThat(created.json().get("claims").get("email_verified").asBoolean()).isTrue();
        Reply read = SERVER.get(service.path("/user/get?username=alice")).bearer(HttpFixture.ADMIN_TOKEN).send();
        read.assertJson(200);
        assertThat(read.json().get("subject").asText()).isEqualTo("user-1");
        assertThat(read.json().get("claims").get("name").asText()).isEqualTo("Alice");
        assertThat(SERVER.grantsmith().users().authenticate(service.id(), "alice", "correct horse")).contains("user-1");
    }

    @Test
    void whenClaimsAreUpdatedByFormOrJsonThenTheyAreReplacedAndCheckedByType() {
        SERVER.user(service, "bob", "pw-of-bob");

        Reply json = SERVER.post(service.path("/user/claims/update")).bearer(service.apiSecret())
                .json("{\"username\":\"bob\",\"claims\":{\"name\":\"Bob\",\"updated_at\":1700000000}}").send();
        json.assertJson(200);
        assertThat(json.json().get("claims").get("updated_at").asLong()).isEqualTo(1_700_000_000L);
        Reply form = SERVER.post(service.path("/user/claims/update")).bearer(service.apiSecret())
                .form("username=bob&claims=%7B%22nickname%22%3A%22bobby%22%7D").send();
        form.assertJson(200);
        assertThat(form.json().get("claims").toString()).isEqualTo("{\"nickname\":\"bobby\"}");

        SERVER.post(service.path("/user/claims/update")).bearer(service.apiSecret())
                .json("{\"username\":\"bob\",\"claims\":{\"email_verified\":\"yes\"}}").send()
                .assertApiFailure(400, "A192203");
        assertThat(SERVER.get(service.path("/user/get?username=bob")).bearer(service.apiSecret()).send().json()
                .get("claims").toString()).as("a refused update changes nothing").isEqualTo("{\"nickname\":\"bobby\"}");
    }

    @Test
    void whenUserIsMissingOrTakenOrCredentialsAreAnotherServicesThenTheApiSaysSo() {
        SERVER.user(service, "carol", "pw-of-carol");

        SERVER.get(service.path("/user/get?username=nobody")).bearer(service.apiSecret()).send()
                .assertApiFailure(404, "A192221");
        SERVER.post(service.path("/user/create")).bearer(service.apiSecret())
                .json("{\"username\":\"carol\",\"password\":\"x\"}").send().assertApiFailure(409, "A192222");
        SERVER.get(service.path("/user/get?username=carol")).bearer(other.apiSecret()).send()
                .assertApiFailure(401, "A001292");
        SERVER.get(other.path("/user/get?username=carol")).bearer(other.apiSecret()).send()
                .assertApiFailure(404, "A192221");

        Reply deleted = SERVER.call("DELETE", service.path("/user/delete?username=carol")).bearer(service.apiSecret())
                .send();
        assertThat(deleted.status()).isEqualTo(204);
        SERVER.call("DELETE", service.path("/user/delete?username=carol")).bearer(service.apiSecret()).send()
                .assertApiFailure(404, "A192221");
    }
}

package io.grantsmith.core.idtoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.api.types.SubjectType;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.ClientMetadata;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairwiseSubjectsTest {
    private static final byte[] SECRET = "a deployment secret of 32+ bytes!".getBytes(StandardCharsets.US_ASCII);
    private final PairwiseSubjects subjects = new PairwiseSubjects(SECRET);

    private static Client client(long serviceId, SubjectType type, String sectorUri, String... redirectUris) {
        return Client.builder(serviceId, 7).metadata(ClientMetadata.builder().subjectType(type)
                .sectorIdentifierUri(sectorUri).redirectUris(List.of(redirectUris)).build()).build();
    }

    @Test
    void whenClientIsPublicThenTheSubjectIsTheUsersOwn() {
        assertThat(subjects.subjectFor(client(1, SubjectType.PUBLIC, null), "alice")).isEqualTo("alice");
    }

    @Test
    void whenTheSectorIsDerivedThenItIsTheSectorUrisHostElseTheOneHostOfTheRedirectUris() {
        assertThat(PairwiseSubjects.sectorOf(client(1, SubjectType.PAIRWISE, "https://Sector.Example/x.json",
                "https://a.example/cb"))).contains("sector.example");
        assertThat(PairwiseSubjects.sectorOf(client(1, SubjectType.PAIRWISE, null, "https://a.example/cb",
                "https://a.example:8443/other"))).contains("a.example");
        assertThat(PairwiseSubjects.sectorOf(client(1, SubjectType.PAIRWISE, null, "https://a.example/cb",
                "https://b.example/cb"))).isEmpty();
        assertThat(PairwiseSubjects.sectorOf(client(1, SubjectType.PAIRWISE, null))).isEmpty();
        assertThat(PairwiseSubjects.sectorOf(client(1, SubjectType.PAIRWISE, null, "com.example.app:/cb"))).isEmpty();
        assertThat(PairwiseSubjects.sectorOf(client(1, SubjectType.PAIRWISE, "not a uri"))).isEmpty();
    }

    @Test
    void whenServicesOrInputsDifferThenThePairwiseValuesDifferAndFieldsCannotBeShifted() {
        String value = subjects.pairwise(1, "a.example", "alice");

        assertThat(value).matches("[A-Za-z0-9_-]{43}").isEqualTo(subjects.pairwise(1, "a.example", "alice"));
        assertThat(subjects.pairwise(2, "a.example", "alice")).isNotEqualTo(value);
        assertThat(subjects.pairwise(1, "a.exampl", "ealice")).isNotEqualTo(value);
        assertThat(subjects.pairwise(1, "a.example", "bob")).isNotEqualTo(value);
    }

    @Test
    void whenSecretIsShortOrThePairwiseClientHasNoSectorThenItIsRefused() {
        assertThatThrownBy(() -> new PairwiseSubjects(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> subjects.subjectFor(client(1, SubjectType.PAIRWISE, null), "alice"))
                .isInstanceOfSatisfying(IdTokenException.class,
                        e -> assertThat(e.result().code().code()).isEqualTo("A046392"));
    }
}

package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommitOnlyGrantsTest {
    @Test
    void onlyAClientCredentialsGrantIsAnsweredFromItsCommitAlone() {
        assertThat(CommitOnlyGrants.isCommitOnly("grant_type=client_credentials&scope=a")).isTrue();
        assertThat(CommitOnlyGrants.isCommitOnly("scope=a&grant_type=client_credentials")).isTrue();

        assertThat(CommitOnlyGrants.isCommitOnly("grant_type=refresh_token&refresh_token=x")).isFalse();
        assertThat(CommitOnlyGrants.isCommitOnly("grant_type=password&username=client_credentials")).isFalse();
        assertThat(CommitOnlyGrants.isCommitOnly("grant_type=authorization_code&code=client_credentials")).isFalse();
        assertThat(CommitOnlyGrants.isCommitOnly("grant_type=%zz&x=client_credentials")).isFalse();
        assertThat(CommitOnlyGrants.isCommitOnly(null)).isFalse();
    }
}

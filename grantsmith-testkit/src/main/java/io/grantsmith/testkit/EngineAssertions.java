package io.grantsmith.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.ResultCategory;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.result.Issuance;
import io.grantsmith.core.result.TokenFailResult;
import io.grantsmith.core.result.TokenIssueResult;
import io.grantsmith.core.result.TokenResult;

/**
 * Assertions on engine results: the exact result type, {@code error} and result code. Every refusal is also
 * checked against the category digit of its code: a client's mistake ({@code BAD_REQUEST},
 * {@code INVALID_CLIENT}) carries a category-3 code, an internal server error never a success code.
 */
public final class EngineAssertions {
    private EngineAssertions() {
    }

    public static TokenResult.Ok ok(TokenResult result) {
        assertThat(result).isInstanceOf(TokenResult.Ok.class);
        TokenResult.Ok ok = (TokenResult.Ok) result;
        assertThat(ok.result().code().category()).isEqualTo(ResultCategory.SUCCESS);
        return ok;
    }

    public static Issuance issuance(TokenResult result) {
        return ok(result).issuance();
    }

    public static TokenResult.Password password(TokenResult result) {
        assertThat(result).isInstanceOf(TokenResult.Password.class);
        TokenResult.Password password = (TokenResult.Password) result;
        assertThat(password.result().code()).isEqualTo(ResultCode.PASSWORD_TICKET_ISSUED);
        return password;
    }

    public static TokenIssueResult.Ok issued(TokenIssueResult result) {
        assertThat(result).isInstanceOf(TokenIssueResult.Ok.class);
        TokenIssueResult.Ok ok = (TokenIssueResult.Ok) result;
        assertThat(ok.result().code()).isEqualTo(ResultCode.ISSUE_OK);
        return ok;
    }

    /** {@code result} is a refusal of type {@code type} with this {@code error} and result code. */
    public static void refused(TokenResult result, Class<? extends TokenResult> type, OAuthErrorCode error,
            ResultCode code) {
        assertThat(result).isInstanceOf(type);
        OAuthError actual = errorOf(result);
        assertRefusal(actual, error, code, type == TokenResult.InternalServerError.class);
        if (type == TokenResult.InvalidClient.class) {
            assertThat(error).isEqualTo(OAuthErrorCode.INVALID_CLIENT);
        }
    }

    public static void badRequest(TokenResult result, OAuthErrorCode error, ResultCode code) {
        refused(result, TokenResult.BadRequest.class, error, code);
    }

    public static void invalidClient(TokenResult result, ResultCode code) {
        refused(result, TokenResult.InvalidClient.class, OAuthErrorCode.INVALID_CLIENT, code);
    }

    public static void serverError(TokenResult result, ResultCode code) {
        refused(result, TokenResult.InternalServerError.class, OAuthErrorCode.SERVER_ERROR, code);
    }

    /** {@code /auth/token/issue} refused with an internal server error ({@code server_error}) and {@code code}. */
    public static void issueRefused(TokenIssueResult result, ResultCode code) {
        assertThat(result).isInstanceOf(TokenIssueResult.InternalServerError.class);
        assertRefusal(((TokenIssueResult.InternalServerError) result).error(), OAuthErrorCode.SERVER_ERROR, code,
                true);
    }

    /** {@code /auth/token/fail} refused with an internal server error ({@code server_error}) and {@code code}. */
    public static void failRefused(TokenFailResult result, ResultCode code) {
        failResult(result, TokenFailResult.InternalServerError.class, OAuthErrorCode.SERVER_ERROR, code);
    }

    public static void failResult(TokenFailResult result, Class<? extends TokenFailResult> type,
            OAuthErrorCode error, ResultCode code) {
        assertThat(result).isInstanceOf(type);
        assertRefusal(result.error(), error, code, type == TokenFailResult.InternalServerError.class);
    }

    private static OAuthError errorOf(TokenResult result) {
        if (result instanceof TokenResult.BadRequest refusal) {
            return refusal.error();
        }
        if (result instanceof TokenResult.InvalidClient refusal) {
            return refusal.error();
        }
        return ((TokenResult.InternalServerError) result).error();
    }

    private static void assertRefusal(OAuthError actual, OAuthErrorCode error, ResultCode code,
            boolean internalServerError) {
        assertThat(actual.result().code()).as("result code of %s", actual.result()).isEqualTo(code);
        assertThat(actual.error()).as("error of %s", actual.result()).isEqualTo(error);
        assertThat(actual.result().formatted()).startsWith("[" + code.code() + "] ");
        if (internalServerError) {
            assertThat(code.category()).isNotEqualTo(ResultCategory.SUCCESS);
            assertThat(error).isEqualTo(OAuthErrorCode.SERVER_ERROR);
        } else {
            assertThat(code.category()).as("category of %s", code).isEqualTo(ResultCategory.CLIENT_ERROR);
        }
    }
}

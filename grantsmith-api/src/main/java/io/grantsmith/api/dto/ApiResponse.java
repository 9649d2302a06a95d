package io.grantsmith.api.dto;

/**
 * The fields common to every Authlete API response: the result code (for example {@code A052001})
 * and the result message ({@code "[A052001] ..."}). Also the body of every API-level error (4xx/5xx).
 */
public class ApiResponse {
    private String resultCode;
    private String resultMessage;

    public String getResultCode() {
        return resultCode;
    }

    public ApiResponse setResultCode(String resultCode) {
        this.resultCode = resultCode;
        return this;
    }

    public String getResultMessage() {
        return resultMessage;
    }

    public ApiResponse setResultMessage(String resultMessage) {
        this.resultMessage = resultMessage;
        return this;
    }
}

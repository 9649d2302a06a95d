package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.error.ResultCode;
import io.grantsmith.facade.access.ApiResultCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/RESULT-CODES.md lists every result code with its name and message, so that operators can look any up. */
class ResultCodeDocumentationTest {
    private static final Path DOC = Path.of("..", "docs", "RESULT-CODES.md");

    @Test
    void whenEngineCodesAreDefinedThenEachHasARowWithItsCategoryNameAndMessage() throws IOException {
        String doc = Files.readString(DOC);
        for (ResultCode code : ResultCode.values()) {
            String category = code.category().name().replace("_ERROR", "").toLowerCase(java.util.Locale.ROOT);
            assertThat(doc).as(code.name()).contains("| `" + code.code() + "` | " + category + " | `" + code.name()
                    + "`").contains(" | " + code.template().replace("|", "\\|") + " |");
        }
    }

    /** Grantsmith's own outcomes keep out of Authlete's numbering, so that the two can never collide. */
    @Test
    void whenARowIsMarkedGrantsmithThenItsCodeUsesGrantsmithsOwnNumbers() throws IOException {
        Matcher row = Pattern.compile("\\| `A(\\d{3})(\\d)(\\d{2})` \\|[^|]*\\| `\\w+` \\*Grantsmith\\*")
                .matcher(Files.readString(DOC));
        int rows = 0;
        while (row.find()) {
            rows++;
            boolean ownGroup = row.group(1).equals("191") || row.group(1).equals("192");
            assertThat(ownGroup || Integer.parseInt(row.group(3)) >= 90)
                    .as("A%s%s%s is Grantsmith's own but uses Authlete's numbering", row.group(1), row.group(2),
                            row.group(3))
                    .isTrue();
        }
        assertThat(rows).isGreaterThan(10);
    }

    @Test
    void whenApiCodesAreDefinedThenEachHasARowWithItsStatusNameAndMessage() throws IOException {
        String doc = Files.readString(DOC);
        for (ApiResultCode code : ApiResultCode.values()) {
            assertThat(doc).as(code.name())
                    .contains("| `" + code.code() + "` | " + code.httpStatus() + " | `" + code.name() + "`")
                    .contains(" | " + code.template().replace("|", "\\|") + " |");
        }
    }
}

package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.error.ResultCode;
import io.grantsmith.facade.access.ApiResultCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

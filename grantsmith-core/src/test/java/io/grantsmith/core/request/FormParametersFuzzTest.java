package io.grantsmith.core.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Coverage-guided fuzzing of the form parser (docs/TESTING.md). Any body, read as UTF-8 as the HTTP edge reads
 * it, either parses or is refused with {@link MalformedParametersException}; what parses has at most
 * {@link FormParameters#MAX_PARAMETERS} parameters and re-encodes to the same parameters.
 */
class FormParametersFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void whenAnyBodyIsParsedThenItDecodesOrIsRefusedAsMalformed(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        FormParameters parameters;
        try {
            parameters = FormParameters.parse(body);
        } catch (MalformedParametersException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }

        Map<String, List<String>> parsed = asMap(parameters);
        assertThat(parsed.values().stream().mapToInt(List::size).sum()).isLessThanOrEqualTo(FormParameters.MAX_PARAMETERS);
        assertThat(asMap(FormParameters.parse(encode(parsed)))).isEqualTo(parsed);
    }

    private static Map<String, List<String>> asMap(FormParameters parameters) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        parameters.names().forEach(name -> map.put(name, parameters.all(name)));
        return map;
    }

    private static String encode(Map<String, List<String>> parameters) {
        StringJoiner joined = new StringJoiner("&");
        parameters.forEach((name, values) -> values.forEach(value -> joined.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return joined.toString();
    }
}

package io.grantsmith.facade.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.json.WireJson;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code patch} of {@code /service/configuration} against RFC 6902's examples (Appendix A) and its bounds. */
class ConfigurationPatchTest {
    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) WireJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** RFC 6902 Appendix A: name, document, patch, result. */
    static Stream<Arguments> appendixA() {
        return Stream.of(
                Arguments.of("A.1 adding an object member", "{\"foo\":\"bar\"}",
                        "[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\"}]", "{\"baz\":\"qux\",\"foo\":\"bar\"}"),
                Arguments.of("A.2 adding an array element", "{\"foo\":[\"bar\",\"baz\"]}",
                        "[{\"op\":\"add\",\"path\":\"/foo/1\",\"value\":\"qux\"}]", "{\"foo\":[\"bar\",\"qux\",\"baz\"]}"),
                Arguments.of("A.3 removing an object member", "{\"baz\":\"qux\",\"foo\":\"bar\"}",
                        "[{\"op\":\"remove\",\"path\":\"/baz\"}]", "{\"foo\":\"bar\"}"),
                Arguments.of("A.4 removing an array element", "{\"foo\":[\"bar\",\"qux\",\"baz\"]}",
                        "[{\"op\":\"remove\",\"path\":\"/foo/1\"}]", "{\"foo\":[\"bar\",\"baz\"]}"),
                Arguments.of("A.5 replacing a value", "{\"baz\":\"qux\",\"foo\":\"bar\"}",
                        "[{\"op\":\"replace\",\"path\":\"/baz\",\"value\":\"boo\"}]", "{\"baz\":\"boo\",\"foo\":\"bar\"}"),
                Arguments.of("A.6 moving a value", "{\"foo\":{\"bar\":\"baz\",\"waldo\":\"fred\"},\"qux\":{\"corge\":\"grault\"}}",
                        "[{\"op\":\"move\",\"from\":\"/foo/waldo\",\"path\":\"/qux/thud\"}]",
                        "{\"foo\":{\"bar\":\"baz\"},\"qux\":{\"corge\":\"grault\",\"thud\":\"fred\"}}"),
                Arguments.of("A.7 moving an array element", "{\"foo\":[\"all\",\"grass\",\"cows\",\"eat\"]}",
                        "[{\"op\":\"move\",\"from\":\"/foo/1\",\"path\":\"/foo/3\"}]",
                        "{\"foo\":[\"all\",\"cows\",\"eat\",\"grass\"]}"),
                Arguments.of("A.8 testing a value: success", "{\"baz\":\"qux\",\"foo\":[\"a\",2,\"c\"]}",
                        "[{\"op\":\"test\",\"path\":\"/baz\",\"value\":\"qux\"},{\"op\":\"test\",\"path\":\"/foo/1\",\"value\":2}]",
                        "{\"baz\":\"qux\",\"foo\":[\"a\",2,\"c\"]}"),
                Arguments.of("A.10 adding a nested member object", "{\"foo\":\"bar\"}",
                        "[{\"op\":\"add\",\"path\":\"/child\",\"value\":{\"grandchild\":{}}}]",
                        "{\"foo\":\"bar\",\"child\":{\"grandchild\":{}}}"),
                Arguments.of("A.11 ignoring unrecognized elements", "{\"foo\":\"bar\"}",
                        "[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\",\"xyz\":123}]",
                        "{\"foo\":\"bar\",\"baz\":\"qux\"}"),
                Arguments.of("A.14 ~ escape ordering", "{\"/\":9,\"~1\":10}",
                        "[{\"op\":\"test\",\"path\":\"/~01\",\"value\":10}]", "{\"/\":9,\"~1\":10}"),
                Arguments.of("A.16 adding an array value", "{\"foo\":[\"bar\"]}",
                        "[{\"op\":\"add\",\"path\":\"/foo/-\",\"value\":[\"abc\",\"def\"]}]",
                        "{\"foo\":[\"bar\",[\"abc\",\"def\"]]}"),
                Arguments.of("numbers compare by value (section 4.6)", "{\"a\":1}",
                        "[{\"op\":\"test\",\"path\":\"/a\",\"value\":1.0}]", "{\"a\":1}"),
                Arguments.of("copy (section 4.5)", "{\"issuer\":\"https://a\"}",
                        "[{\"op\":\"copy\",\"from\":\"/issuer\",\"path\":\"/x\"}]",
                        "{\"issuer\":\"https://a\",\"x\":\"https://a\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appendixA")
    void whenRfc6902ExampleIsAppliedThenTheResultIsTheRfcs(String name, String document, String patch,
            String expected) {
        ObjectNode original = json(document);

        JsonNode patched = ConfigurationPatch.apply(original, patch);

        assertThat(patched).isEqualTo(json(expected));
        assertThat(original).as("the input is not modified").isEqualTo(json(document));
    }

    /** RFC 6902 Appendix A's error cases, and other patches that cannot be applied: name, document, patch, reason. */
    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("A.9 testing a value: error", "{\"baz\":\"qux\"}",
                        "[{\"op\":\"test\",\"path\":\"/baz\",\"value\":\"bar\"}]", "operation 1 (test /baz) failed"),
                Arguments.of("A.12 adding to a nonexistent target", "{\"foo\":\"bar\"}",
                        "[{\"op\":\"add\",\"path\":\"/baz/bat\",\"value\":\"qux\"}]", "operation 1 (add /baz/bat) failed"),
                Arguments.of("A.13 invalid JSON Patch document", "{\"foo\":\"bar\"}",
                        "[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\",\"op\":\"remove\"}]", "not valid JSON"),
                Arguments.of("A.15 comparing strings and numbers", "{\"/\":9,\"~1\":10}",
                        "[{\"op\":\"test\",\"path\":\"/~01\",\"value\":\"10\"}]", "operation 1 (test /~01) failed"),
                Arguments.of("removing a member that does not exist", "{\"foo\":\"bar\"}",
                        "[{\"op\":\"remove\",\"path\":\"/baz\"}]", "operation 1 (remove /baz) failed"),
                Arguments.of("replacing a member that does not exist", "{\"foo\":\"bar\"}",
                        "[{\"op\":\"replace\",\"path\":\"/baz\",\"value\":1}]", "operation 1 (replace /baz) failed"),
                Arguments.of("an unknown operation", "{\"foo\":\"bar\"}",
                        "[{\"op\":\"frobnicate\",\"path\":\"/foo\"}]", "operation 1 (frobnicate /foo) failed"),
                Arguments.of("add without a value", "{\"foo\":\"bar\"}",
                        "[{\"op\":\"add\",\"path\":\"/baz\"}]", "operation 1 (add /baz) failed"),
                Arguments.of("the second operation fails", "{\"foo\":\"bar\"}",
                        "[{\"op\":\"add\",\"path\":\"/a\",\"value\":1},{\"op\":\"remove\",\"path\":\"/b\"}]",
                        "operation 2 (remove /b) failed"),
                Arguments.of("not JSON", "{}", "[{\"op\":", "not valid JSON"),
                Arguments.of("trailing data", "{}", "[] []", "not valid JSON"),
                Arguments.of("not an array", "{}", "{\"op\":\"remove\",\"path\":\"/a\"}", "a JSON array of operations"),
                Arguments.of("an operation that is not an object", "{}", "[\"remove\"]", "must be a JSON object"),
                Arguments.of("the document replaced by an array", "{\"foo\":\"bar\"}",
                        "[{\"op\":\"replace\",\"path\":\"\",\"value\":[1]}]", "must remain a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void whenPatchCannotBeAppliedThenItIsRefusedWithTheReason(String name, String document, String patch,
            String reason) {
        assertThatThrownBy(() -> ConfigurationPatch.apply(json(document), patch))
                .isInstanceOfSatisfying(ApiFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo(ApiResultCode.PATCH_INVALID);
                    assertThat(failure.code().httpStatus()).isEqualTo(400);
                    assertThat(failure.resultMessage("/service/configuration")).startsWith("[A192206] ")
                            .contains(reason);
                });
    }

    @Test
    void whenCopiesWouldDoubleTheDocumentBeyondTheBoundThenThePatchIsRefused() {
        String doubling = IntStream.range(0, 30)
                .mapToObj(i -> "{\"op\":\"copy\",\"from\":\"/a\",\"path\":\"/a/" + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"));

        assertThatThrownBy(() -> ConfigurationPatch.apply(json("{\"a\":{\"x\":[1,2,3,4,5,6,7,8]}}"), doubling))
                .isInstanceOfSatisfying(ApiFailure.class, failure -> assertThat(failure.resultMessage("/x"))
                        .contains("more than " + ConfigurationPatch.MAX_NODES + " JSON values"));
    }

    @Test
    void whenPatchHasTooManyOperationsThenItIsRefusedBeforeAnyIsApplied() {
        String many = IntStream.range(0, ConfigurationPatch.MAX_OPERATIONS + 1)
                .mapToObj(i -> "{\"op\":\"add\",\"path\":\"/m" + i + "\",\"value\":1}")
                .collect(Collectors.joining(",", "[", "]"));

        assertThatThrownBy(() -> ConfigurationPatch.apply(json("{}"), many))
                .isInstanceOfSatisfying(ApiFailure.class, failure -> assertThat(failure.resultMessage("/x"))
                        .contains("more than " + ConfigurationPatch.MAX_OPERATIONS + " operations"));
    }

    @Test
    void whenPatchIsAnEmptyArrayThenTheDocumentIsUnchanged() {
        assertThat(ConfigurationPatch.apply(json("{\"a\":1}"), "[]")).isEqualTo(json("{\"a\":1}"));
    }
}

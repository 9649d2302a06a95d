package io.grantsmith.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.util.Utils;
import io.grantsmith.api.dto.AuthorizationFailRequest;
import io.grantsmith.api.dto.AuthorizationFailResponse;
import io.grantsmith.api.dto.AuthorizationIssueRequest;
import io.grantsmith.api.dto.AuthorizationIssueResponse;
import io.grantsmith.api.dto.AuthorizationRequest;
import io.grantsmith.api.dto.AuthorizationResponse;
import io.grantsmith.api.dto.Client;
import io.grantsmith.api.dto.IntrospectionRequest;
import io.grantsmith.api.dto.IntrospectionResponse;
import io.grantsmith.api.dto.RevocationRequest;
import io.grantsmith.api.dto.RevocationResponse;
import io.grantsmith.api.dto.Service;
import io.grantsmith.api.dto.ServiceConfigurationRequest;
import io.grantsmith.api.dto.StandardIntrospectionRequest;
import io.grantsmith.api.dto.StandardIntrospectionResponse;
import io.grantsmith.api.dto.IDTokenReissueRequest;
import io.grantsmith.api.dto.IDTokenReissueResponse;
import io.grantsmith.api.dto.TokenFailRequest;
import io.grantsmith.api.dto.TokenFailResponse;
import io.grantsmith.api.dto.TokenIssueRequest;
import io.grantsmith.api.dto.TokenIssueResponse;
import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.api.dto.TokenResponse;
import io.grantsmith.api.dto.UserInfoIssueRequest;
import io.grantsmith.api.dto.UserInfoIssueResponse;
import io.grantsmith.api.dto.UserInfoRequest;
import io.grantsmith.api.dto.UserInfoResponse;
import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.WireValued;
import io.grantsmith.facade.json.WireJson;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Our wire DTOs against the classes of Authlete's Java SDK 4.33 ({@code com.authlete.common.dto}): the same member
 * names with the same JSON types, enum constants the SDK knows (it reads an unknown one as null), and values that
 * survive our JSON mapper on one side and the SDK's Gson on the other, in both directions.
 *
 * <p>The DTOs to check are listed below; the classes they contain (Scope, Grant, Client, enums, ...) are found by
 * walking their fields, and each is paired with the SDK class of the same name.</p>
 */
class AuthleteDtoCompatibilityTest {
    private static final String OUR_PACKAGE = "io.grantsmith.api.";
    private static final String SDK_PACKAGE = "com.authlete.common.";

    /** The request/response DTOs of the authorization code flow and OpenID Connect, and of the token endpoint. */
    private static final List<Class<?>> DTOS = List.of(
            AuthorizationRequest.class, AuthorizationResponse.class,
            AuthorizationIssueRequest.class, AuthorizationIssueResponse.class,
            AuthorizationFailRequest.class, AuthorizationFailResponse.class,
            UserInfoRequest.class, UserInfoResponse.class, UserInfoIssueRequest.class, UserInfoIssueResponse.class,
            IntrospectionRequest.class, IntrospectionResponse.class,
            StandardIntrospectionRequest.class, StandardIntrospectionResponse.class,
            RevocationRequest.class, RevocationResponse.class,
            TokenRequest.class, TokenResponse.class, TokenIssueRequest.class, TokenIssueResponse.class,
            TokenFailRequest.class, TokenFailResponse.class, ServiceConfigurationRequest.class,
            IDTokenReissueRequest.class, IDTokenReissueResponse.class);

    /**
     * Classes that hold only part of the SDK's members: the management API keeps the rest of the document as JSON.
     * Their members must still exist in the SDK class, with the same types.
     */
    private static final Set<Class<?>> PARTIAL = Set.of(Service.class, Client.class);

    /** Members documented for Authlete's Java library 4.46 that 4.33 does not have yet. */
    private static final Map<Class<?>, Set<String>> NEWER_MEMBERS = Map.of(
            RevocationResponse.class, Set.of("attestationChallenge"),
            TokenResponse.class, Set.of("attestationChallenge"),
            Service.class, Set.of("authorizationCodeDuration", "backchannelLogoutSessionSupported"),
            Client.class, Set.of("backchannelLogoutUri", "backchannelLogoutSessionRequired"));

    /** Enum constants documented for Authlete's Java library 4.46 that 4.33 does not have yet. */
    private static final Map<Class<?>, Set<String>> NEWER_CONSTANTS = Map.of(
            AuthorizationFailRequest.Reason.class, Set.of("INVALID_SCOPE", "UNAUTHORIZED_CLIENT",
                    "TEMPORARILY_UNAVAILABLE"),
            TokenFailRequest.Reason.class, Set.of("INVALID_CLIENT", "UNAUTHORIZED_CLIENT", "INVALID_SCOPE"),
            ClientAuthMethod.class, Set.of("SPIFFE_JWT"));

    /** Members of the SDK that never travel from a server: it fills them itself from the HTTP response. */
    private static final Set<String> CLIENT_SIDE_MEMBERS = Set.of("responseHeaders");

    @Test
    void whenTheSdkClassHasAMemberThenOursHasItWithTheSameJsonType() {
        List<String> problems = new ArrayList<>();
        for (Class<?> ours : reachableClasses()) {
            if (ours.isEnum() || PARTIAL.contains(ours)) {
                continue;
            }
            Map<String, Field> ourFields = members(ours);
            for (Field sdkField : members(sdkCounterpart(ours)).values()) {
                Field ourField = ourFields.get(sdkField.getName());
                if (ourField == null) {
                    problems.add(ours.getSimpleName() + " lacks " + sdkField.getName());
                } else if (!sameJsonType(ourField.getType(), sdkField.getType())) {
                    problems.add(ours.getSimpleName() + "." + sdkField.getName() + " is " + jsonType(ourField.getType())
                            + ", the SDK has " + jsonType(sdkField.getType()));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void whenOurClassHasAMemberThenTheSdkHasItWithTheSameJsonTypeUnlessItIsNewer() {
        List<String> problems = new ArrayList<>();
        for (Class<?> ours : reachableClasses()) {
            if (ours.isEnum()) {
                continue;
            }
            Map<String, Field> sdkFields = members(sdkCounterpart(ours));
            Set<String> newer = NEWER_MEMBERS.getOrDefault(ours, Set.of());
            for (Field ourField : members(ours).values()) {
                Field sdkField = sdkFields.get(ourField.getName());
                if (sdkField == null && !newer.contains(ourField.getName())) {
                    problems.add(ours.getSimpleName() + "." + ourField.getName() + " is not in the SDK");
                } else if (sdkField != null && !sameJsonType(ourField.getType(), sdkField.getType())) {
                    problems.add(ours.getSimpleName() + "." + ourField.getName() + " is "
                            + jsonType(ourField.getType()) + ", the SDK has " + jsonType(sdkField.getType()));
                }
            }
            Set<String> stale = new LinkedHashSet<>(newer);
            stale.retainAll(sdkFields.keySet());
            stale.forEach(name -> problems.add(ours.getSimpleName() + "." + name
                    + " is listed as newer but the SDK has it"));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void whenTheSdkEnumHasAConstantThenOursHasItAndOurExtrasAreDocumentedAsNewer() {
        List<String> problems = new ArrayList<>();
        List<Class<?>> enums = reachableClasses().stream().filter(Class::isEnum).collect(Collectors.toList());
        for (Class<?> ours : enums) {
            Set<String> ourNames = constantNames(ours);
            Set<String> sdkNames = constantNames(sdkCounterpart(ours));
            for (String name : sdkNames) {
                if (!ourNames.contains(name)) {
                    problems.add(ours.getName() + " lacks " + name);
                }
            }
            for (String name : ourNames) {
                if (!sdkNames.contains(name) && !NEWER_CONSTANTS.getOrDefault(ours, Set.of()).contains(name)) {
                    problems.add(ours.getName() + "." + name + " is unknown to the SDK, which would read it as null");
                }
            }
        }
        assertThat(enums).as("enums reached from the DTOs").hasSizeGreaterThan(15);
        assertThat(problems).isEmpty();
    }

    @Test
    void whenOurEnumHasAWireValueThenItIsTheSdksSpelling() {
        List<String> problems = new ArrayList<>();
        for (Class<?> ours : reachableClasses()) {
            if (!ours.isEnum() || !WireValued.class.isAssignableFrom(ours)) {
                continue;
            }
            Class<?> sdk = sdkCounterpart(ours);
            for (Object constant : ours.getEnumConstants()) {
                String name = ((Enum<?>) constant).name();
                if (constantNames(sdk).contains(name)) {
                    String sdkSpelling = sdkConstant(sdk, name).toString();
                    String ourSpelling = ((WireValued) constant).wireValue();
                    if (!ourSpelling.equals(sdkSpelling)) {
                        problems.add(ours.getSimpleName() + "." + name + " is '" + ourSpelling + "', the SDK says '"
                                + sdkSpelling + "'");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void whenOurDtoIsWrittenByWireJsonThenTheSdkReadsEveryValueBack() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Class<?> ours : DTOS) {
            Object written = new Populator(true).populate(ours);
            String json = WireJson.mapper().writeValueAsString(written);
            assertThat(json).as("every member of %s is populated", ours.getSimpleName()).doesNotContain(":null");
            Object read = Utils.fromJson(json, sdkCounterpart(ours));
            compare(written, read, ours.getSimpleName(), problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void whenTheSdkWritesADtoThenWireJsonReadsEveryValueBack() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Class<?> ours : DTOS) {
            Object written = new Populator(false).populate(sdkCounterpart(ours));
            String json = Utils.toJson(written);
            Object read = WireJson.mapper().readValue(json, ours);
            compare(read, written, ours.getSimpleName(), problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void whenAValueChangesOnTheWayThenTheComparisonReportsIt() throws Exception {
        // the two round-trip tests rely on the comparison: it must notice a value that did not arrive as sent
        AuthorizationResponse ours = (AuthorizationResponse) new Populator(true).populate(AuthorizationResponse.class);
        com.authlete.common.dto.AuthorizationResponse sdk = Utils.fromJson(WireJson.mapper().writeValueAsString(ours),
                com.authlete.common.dto.AuthorizationResponse.class);
        sdk.setAcrEssential(false);
        sdk.getClient().setDefaultMaxAge(7);
        sdk.getScopes()[1].setName(null);
        List<String> problems = new ArrayList<>();

        compare(ours, sdk, "AuthorizationResponse", problems);

        assertThat(problems).containsExactlyInAnyOrder(
                "AuthorizationResponse.acrEssential: ours true, the SDK's false",
                "AuthorizationResponse.client.defaultMaxAge: ours " + ours.getClient().getDefaultMaxAge()
                        + ", the SDK's 7",
                "AuthorizationResponse.scopes[1].name: ours " + ours.getScopes()[1].getName() + ", the SDK's null");
    }

    // ------------------------------------------------------------------------------------------------ reflection

    /** Every class of ours reached from {@link #DTOS} through fields and array components, DTOS first. */
    private static List<Class<?>> reachableClasses() {
        Set<Class<?>> seen = new LinkedHashSet<>();
        List<Class<?>> pending = new ArrayList<>(DTOS);
        while (!pending.isEmpty()) {
            Class<?> type = pending.remove(0);
            if (!type.getName().startsWith(OUR_PACKAGE) || !seen.add(type) || type.isEnum()) {
                continue;
            }
            for (Field field : members(type).values()) {
                Class<?> fieldType = field.getType();
                while (fieldType.isArray()) {
                    fieldType = fieldType.getComponentType();
                }
                pending.add(fieldType);
            }
        }
        return new ArrayList<>(seen);
    }

    /**
     * The SDK class of the same name: {@code io.grantsmith.api.dto.X$Action} to
     * {@code com.authlete.common.dto.X$Action}.
     */
    private static Class<?> sdkCounterpart(Class<?> ours) {
        String name = SDK_PACKAGE + ours.getName().substring(OUR_PACKAGE.length());
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(ours.getName() + " has no counterpart " + name + " in the SDK", e);
        }
    }

    /** Our class of the same name as an SDK class, or null when we have none (a member of ours only in part). */
    private static Class<?> ourCounterpart(Class<?> sdk) {
        try {
            return Class.forName(OUR_PACKAGE + sdk.getName().substring(SDK_PACKAGE.length()));
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** The JSON members of a class as Gson and our mapper see them: instance fields, superclasses included. */
    private static Map<String, Field> members(Class<?> type) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()
                        && !CLIENT_SIDE_MEMBERS.contains(field.getName())) {
                    field.setAccessible(true);
                    fields.putIfAbsent(field.getName(), field);
                }
            }
        }
        return fields;
    }

    private static Set<String> constantNames(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object sdkConstant(Class<?> enumType, String name) {
        return Enum.valueOf((Class) enumType, name);
    }

    /** Whether a member of our type and one of the SDK's type look the same in JSON and bind to each other. */
    private static boolean sameJsonType(Class<?> ours, Class<?> sdk) {
        if (ours.isArray() || sdk.isArray()) {
            return ours.isArray() && sdk.isArray() && sameJsonType(ours.getComponentType(), sdk.getComponentType());
        }
        if (ours.getName().startsWith(OUR_PACKAGE)) {
            return sdkCounterpart(ours) == sdk;
        }
        return jsonType(ours).equals(jsonType(sdk));
    }

    /** A description of a Java type's JSON form; integer widths are kept apart, as a long does not fit an int. */
    private static String jsonType(Class<?> type) {
        if (type.isArray()) {
            return "array of " + jsonType(type.getComponentType());
        }
        if (type == String.class || type == URI.class) {
            return "string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == int.class || type == Integer.class) {
            return "int32";
        }
        if (type == long.class || type == Long.class) {
            return "int64";
        }
        return (type.isEnum() ? "enum " : "object ") + type.getName();
    }

    // ------------------------------------------------------------------------------------------------ values

    /**
     * Fills every member of a DTO with a value that differs from its default and from every other member's, so that a
     * member lost or swapped on the way shows up: strings (URIs, as some SDK members are {@code java.net.URI}),
     * numbers that count up, {@code true}, two-element arrays, nested objects, enum constants that the SDK knows.
     */
    private static final class Populator {
        private static final int MAX_DEPTH = 6;
        private final boolean ours;
        private int counter;

        Populator(boolean ours) {
            this.ours = ours;
        }

        Object populate(Class<?> type) {
            return object(type, 0);
        }

        private Object object(Class<?> type, int depth) {
            try {
                Object instance = type.getDeclaredConstructor().newInstance();
                for (Field field : members(type).values()) {
                    Object value = value(field.getType(), field.getName(), depth + 1);
                    if (value != null) {
                        field.set(instance, value);
                    }
                }
                return instance;
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot populate " + type.getName(), e);
            }
        }

        private Object value(Class<?> type, String name, int depth) {
            int n = ++counter;
            if (type == String.class) {
                return "https://example.com/" + name + "/" + n;
            }
            if (type == URI.class) {
                return URI.create("https://example.com/" + name + "/" + n);
            }
            if (type == boolean.class || type == Boolean.class) {
                return true;
            }
            if (type == int.class || type == Integer.class) {
                return 1000 + n;
            }
            if (type == long.class || type == Long.class) {
                return 5_000_000_000L + n;
            }
            if (type.isEnum()) {
                return constant(type, n);
            }
            if (type.isArray()) {
                Object first = value(type.getComponentType(), name, depth);
                if (first == null) {
                    return null;
                }
                Object array = Array.newInstance(type.getComponentType(), 2);
                Array.set(array, 0, first);
                Array.set(array, 1, value(type.getComponentType(), name, depth));
                return array;
            }
            // SDK members of other kinds (maps, lists, classes without a no-argument constructor) stay null:
            // they are not members of ours, and the comparison only visits members of ours
            boolean ourDto = type.getName().startsWith(OUR_PACKAGE);
            boolean sdkDto = type.getName().startsWith(SDK_PACKAGE + "dto.");
            if (depth > MAX_DEPTH || !(ours ? ourDto : sdkDto) || !hasNoArgConstructor(type)) {
                return null;
            }
            return object(type, depth);
        }

        /** A constant that both sides know (a missing one is the enum test's to report). */
        private Object constant(Class<?> type, int n) {
            Class<?> ourType = ours ? type : ourCounterpart(type);
            Class<?> sdkType = ours ? sdkCounterpart(type) : type;
            List<String> known = new ArrayList<>(constantNames(sdkType));
            if (ourType != null) {
                known.retainAll(constantNames(ourType));
            }
            return known.isEmpty() ? null : sdkConstant(type, known.get(n % known.size()));
        }

        private static boolean hasNoArgConstructor(Class<?> type) {
            try {
                type.getDeclaredConstructor();
                return !Modifier.isAbstract(type.getModifiers());
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    }

    /** Compares the members of ours with the SDK's members of the same name; newer members of ours are skipped. */
    private static void compare(Object ours, Object sdk, String path, List<String> problems) {
        if (ours == null || sdk == null) {
            if (ours != sdk) {
                problems.add(path + ": ours " + ours + ", the SDK's " + sdk);
            }
            return;
        }
        Class<?> type = ours.getClass();
        if (type.isArray()) {
            if (Array.getLength(ours) != Array.getLength(sdk)) {
                problems.add(path + ": " + Array.getLength(ours) + " elements, the SDK's " + Array.getLength(sdk));
                return;
            }
            for (int i = 0; i < Array.getLength(ours); i++) {
                compare(Array.get(ours, i), Array.get(sdk, i), path + "[" + i + "]", problems);
            }
            return;
        }
        if (type.isEnum()) {
            String sdkName = ((Enum<?>) sdk).name();
            if (!((Enum<?>) ours).name().equals(sdkName)) {
                problems.add(path + ": ours " + ours + ", the SDK's " + sdkName);
            }
            return;
        }
        if (!type.getName().startsWith(OUR_PACKAGE)) {
            // strings, URIs, numbers and booleans compare by their JSON text
            if (!ours.toString().equals(sdk.toString())) {
                problems.add(path + ": ours " + ours + ", the SDK's " + sdk);
            }
            return;
        }
        Map<String, Field> sdkFields = members(sdk.getClass());
        for (Field field : members(type).values()) {
            Field sdkField = sdkFields.get(field.getName());
            if (sdkField != null) {
                try {
                    compare(field.get(ours), sdkField.get(sdk), path + "." + field.getName(), problems);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }
}

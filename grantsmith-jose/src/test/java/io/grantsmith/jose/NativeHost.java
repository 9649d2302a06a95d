package io.grantsmith.jose;

import java.util.Locale;

/**
 * Whether this host must sign natively: ACCP's native library ships for x86_64 glibc Linux only, which is what CI
 * runs. {@code -Dgrantsmith.requireNativeJose=false} lifts the requirement on a host where it cannot load (musl, a
 * noexec temp dir); the tests that need the native provider then skip (docs/TESTING.md).
 */
final class NativeHost {
    private NativeHost() {
    }

    static boolean required() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64")
                && !"false".equalsIgnoreCase(System.getProperty("grantsmith.requireNativeJose"));
    }
}

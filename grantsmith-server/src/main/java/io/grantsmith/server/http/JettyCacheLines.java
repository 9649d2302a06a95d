package io.grantsmith.server.http;

/**
 * Tells Jetty how many object references fill a cache line, before any of its pools is made. Without the setting,
 * Jetty's {@code MemoryUtils} asks the platform MBean server whether the JVM compresses references, and creating
 * that server (JMX, with every platform bean registered) cost a cold start ~0.1 s on the main thread for one
 * number. The reference size read here (what {@code sun.misc.Unsafe} scales an {@code Object[]} by: 4 bytes with
 * compressed references, 8 without) gives the same answer Jetty would have found. An operator's own
 * {@code -Dorg.eclipse.jetty.util.referencesPerCacheLine} is kept.
 */
final class JettyCacheLines {
    /** The system property Jetty 12's {@code org.eclipse.jetty.util.MemoryUtils} reads once, when first used. */
    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";
    /** Jetty's own setting of the cache line size, and its default. */
    private static final String CACHE_LINE_BYTES = "org.eclipse.jetty.util.cacheLineBytes";
    private static final int DEFAULT_CACHE_LINE_BYTES = 64;

    private JettyCacheLines() {
    }

    /** Sets the property unless it is set; call before the first Jetty pool or queue is created. */
    static void configure() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, Integer.toString(referencesPerCacheLine()));
        }
    }

    /** The cache line's bytes (Jetty's setting, else 64) over the size of one reference. */
    static int referencesPerCacheLine() {
        int lineBytes;
        try {
            lineBytes = Integer.parseInt(System.getProperty(CACHE_LINE_BYTES, "" + DEFAULT_CACHE_LINE_BYTES));
        } catch (NumberFormatException e) {
            lineBytes = DEFAULT_CACHE_LINE_BYTES; // as Jetty does with a malformed value
        }
        return Math.max(1, lineBytes / referenceBytes());
    }

    /**
     * 4 or 8. Read reflectively: {@code sun.misc.Unsafe} (module jdk.unsupported, exported) is not for compiling
     * against; if it is ever gone, 4 (what a heap under 32 GiB has by default) only spaces Jetty's pool entries
     * a little closer than the cache line on a JVM without compressed references.
     */
    static int referenceBytes() {
        try {
            int scale = Class.forName("sun.misc.Unsafe").getField("ARRAY_OBJECT_INDEX_SCALE").getInt(null);
            return scale == 4 || scale == 8 ? scale : 4;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return 4;
        }
    }
}

package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.grantsmith.facade.Grantsmith;
import io.grantsmith.store.memory.MemoryStores;
import java.lang.management.ManagementFactory;
import org.eclipse.jetty.util.MemoryUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JettyCacheLinesTest {
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(JettyCacheLines.REFERENCES_PER_CACHE_LINE);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(JettyCacheLines.REFERENCES_PER_CACHE_LINE);
        } else {
            System.setProperty(JettyCacheLines.REFERENCES_PER_CACHE_LINE, before);
        }
    }

    @Test
    void whenServerIsMadeThenJettyIsToldTheReferencesPerCacheLineBeforeItStarts() throws Exception {
        System.clearProperty(JettyCacheLines.REFERENCES_PER_CACHE_LINE);
        Grantsmith grantsmith = Grantsmith.builder().stores(new MemoryStores()).build();

        HttpServer server = new HttpServer(grantsmith, "127.0.0.1", 0);
        try {
            assertThat(System.getProperty(JettyCacheLines.REFERENCES_PER_CACHE_LINE)).isEqualTo("" + (64 / oopBytes()));
        } finally {
            server.close();
            grantsmith.close();
        }
        // every server in this JVM is made so: Jetty read the property (or found the same on its own)
        assertThat(MemoryUtils.getReferencesPerCacheLine()).isEqualTo(64 / oopBytes());
    }

    @Test
    void whenReferenceSizeIsReadThenItIsWhatTheJvmReportsWithoutJmxAsJettyWouldFindItWithJmx() {
        assertThat(JettyCacheLines.referenceBytes()).isEqualTo(oopBytes());
    }

    @Test
    void whenOperatorSetTheValueThenItIsKept() {
        System.setProperty(JettyCacheLines.REFERENCES_PER_CACHE_LINE, "3");

        JettyCacheLines.configure();

        assertThat(System.getProperty(JettyCacheLines.REFERENCES_PER_CACHE_LINE)).isEqualTo("3");
    }

    /** What Jetty itself asks the platform MBean server (allowed in a test). */
    private static int oopBytes() {
        HotSpotDiagnosticMXBean diagnostic = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return Boolean.parseBoolean(diagnostic.getVMOption("UseCompressedOops").getValue()) ? 4 : 8;
    }
}

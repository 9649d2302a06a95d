package io.grantsmith.server.http;

import io.grantsmith.core.spi.StoreException;
import io.grantsmith.core.spi.TokenStore;
import io.grantsmith.registry.Stores;
import io.grantsmith.store.memory.MemoryStores;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The in-memory store with a writer the test holds: each asynchronous token write is done at once, but its stage
 * completes only when the test commits it ({@link #commitOne}) or fails it as the write timeout would
 * ({@link #failOne}). The blocking writes go straight through.
 */
final class HeldTokenWrites {
    private final MemoryStores delegate = new MemoryStores();
    private final LinkedBlockingQueue<CompletableFuture<Object>> pending = new LinkedBlockingQueue<>();

    Stores stores() {
        TokenStore tokens = proxy(TokenStore.class, delegate.tokens(), this::hold);
        return proxy(Stores.class, delegate, (method, args) -> method.getName().equals("tokens") ? tokens : null);
    }

    /** Writes whose commit the test has not given yet. */
    int pending() {
        return pending.size();
    }

    /** Completes the oldest held write, as its commit would; waits for one to be held. */
    void commitOne() throws InterruptedException {
        next().complete(Outcome.VALUE);
    }

    /** Fails the oldest held write, as the writer's deadline does. */
    void failOne() throws InterruptedException {
        next().completeExceptionally(new StoreException("saveAccessToken did not commit within 5000 ms (test)"));
    }

    private CompletableFuture<Object> next() throws InterruptedException {
        CompletableFuture<Object> write = pending.poll(10, TimeUnit.SECONDS);
        if (write == null) {
            throw new AssertionError("no write was held");
        }
        return write;
    }

    /** An asynchronous write: runs the blocking one now, and holds its outcome until the test lets it go. */
    private Object hold(Method method, Object[] args) throws Exception {
        if (!method.getName().endsWith("Async")) {
            return null;
        }
        Method blocking = TokenStore.class.getMethod(method.getName().replace("Async", ""),
                method.getParameterTypes());
        Object outcome = invoke(blocking, delegate.tokens(), args);
        CompletableFuture<Object> committed = new CompletableFuture<>();
        pending.add(committed);
        return committed.thenApply(ignored -> outcome);
    }

    /** A marker: the held write's own outcome is what the stage completes with. */
    private enum Outcome { VALUE }

    @FunctionalInterface
    private interface Interception {
        /** The result for this call, or null to let the delegate answer. */
        Object call(Method method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T delegate, Interception override) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    Object overridden = override.call(method, args);
                    return overridden != null ? overridden : invoke(method, delegate, args);
                }));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Exception {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}

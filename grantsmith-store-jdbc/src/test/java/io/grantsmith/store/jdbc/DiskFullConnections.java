package io.grantsmith.store.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Wraps the writer's connections so that, while the disk is "full", COMMIT fails exactly as sqlite-jdbc fails it
 * on a full disk: with SQLITE_FULL, after closing the statement (the driver closes a statement after most errors).
 * The real transaction stays open, as SQLite may leave it after a failed COMMIT. For machines that may not mount a
 * small filesystem; where one can be mounted, the same test also runs on a real full disk.
 */
final class DiskFullConnections implements UnaryOperator<Connection> {
    private final AtomicBoolean full = new AtomicBoolean();

    void fill() {
        full.set(true);
    }

    void free() {
        full.set(false);
    }

    @Override
    public Connection apply(Connection real) {
        return proxy(Connection.class, (method, args) -> {
            Object result = invoke(real, method, args);
            if (method.getName().equals("prepareStatement") && args.length == 1 && "COMMIT".equals(args[0])) {
                return commit((PreparedStatement) result);
            }
            return result;
        });
    }

    private PreparedStatement commit(PreparedStatement real) {
        return proxy(PreparedStatement.class, (method, args) -> {
            if (full.get() && method.getName().startsWith("execute")) {
                real.close();
                throw new SQLiteException("[SQLITE_FULL] Insertion failed because database is full "
                        + "(database or disk is full)", SQLiteErrorCode.SQLITE_FULL);
            }
            return invoke(real, method, args);
        });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> handler.handle(method, args == null ? new Object[0] : args)));
    }
}

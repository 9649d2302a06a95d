package io.grantsmith.store.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Wraps the writer's connections so that, while the fault lasts, the chosen statements fail exactly as sqlite-jdbc
 * fails them: with the SQLite error, after closing the statement (the driver closes a statement after most errors).
 * Connections the writer opens again are wrapped too, so the fault lasts until {@link #heal()}. For faults this
 * process cannot cause for real (a filesystem it may not mount; a read-only file, which root writes anyway).
 */
final class FaultyConnections implements UnaryOperator<Connection> {
    private final AtomicBoolean failing = new AtomicBoolean();
    private final Predicate<String> affected;
    private final SQLiteErrorCode code;
    private final String message;

    private FaultyConnections(Predicate<String> affected, SQLiteErrorCode code, String message) {
        this.affected = affected;
        this.code = code;
        this.message = message;
    }

    /**
     * A full disk: COMMIT fails with SQLITE_FULL. The real transaction stays open, as SQLite may leave it after a
     * failed COMMIT.
     */
    static FaultyConnections fullDisk() {
        return new FaultyConnections("COMMIT"::equals, SQLiteErrorCode.SQLITE_FULL,
                "[SQLITE_FULL] Insertion failed because database is full (database or disk is full)");
    }

    /**
     * A database file that became read-only (its permissions, or its filesystem mounted read-only): every statement
     * that changes a row fails with SQLITE_READONLY, as on a file SQLite opened read-only; reads still work.
     */
    static FaultyConnections readOnlyFile() {
        return new FaultyConnections(FaultyConnections::changesRows, SQLiteErrorCode.SQLITE_READONLY,
                "[SQLITE_READONLY] Attempt to write a readonly database (attempt to write a readonly database)");
    }

    /** Starts the fault: from now on the affected statements fail. */
    void fail() {
        failing.set(true);
    }

    /** Ends it. */
    void heal() {
        failing.set(false);
    }

    @Override
    public Connection apply(Connection real) {
        return proxy(Connection.class, (method, args) -> {
            Object result = invoke(real, method, args);
            if (method.getName().equals("prepareStatement") && args.length == 1 && affected.test((String) args[0])) {
                return faulty((PreparedStatement) result);
            }
            return result;
        });
    }

    private static boolean changesRows(String sql) {
        String verb = sql.stripLeading().toUpperCase(Locale.ROOT);
        return verb.startsWith("INSERT") || verb.startsWith("UPDATE") || verb.startsWith("DELETE")
                || verb.startsWith("REPLACE");
    }

    private PreparedStatement faulty(PreparedStatement real) {
        return proxy(PreparedStatement.class, (method, args) -> {
            if (failing.get() && method.getName().startsWith("execute")) {
                real.close();
                throw new SQLiteException(message, code);
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

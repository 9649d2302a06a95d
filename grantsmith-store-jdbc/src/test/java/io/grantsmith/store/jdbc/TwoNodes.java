package io.grantsmith.store.jdbc;

import io.grantsmith.registry.Stores;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two stores on one database, as two nodes would open them, behind one {@link Stores}: every call of a port goes to
 * the next store in turn, so that requests racing for one row reach it through different pools and transactions.
 * Both stores are real; nothing is stubbed.
 */
final class TwoNodes {
    private TwoNodes() {
    }

    static Stores of(Stores first, Stores second) {
        List<Stores> nodes = List.of(first, second);
        AtomicLong turn = new AtomicLong();
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "close":
                    first.close();
                    second.close();
                    return null;
                case "isHealthy":
                    return first.isHealthy() && second.isHealthy();
                case "statistics":
                case "toString":
                case "hashCode":
                case "equals":
                    return invoke(method, first, args);
                default:
                    return port(method, nodes, turn);
            }
        };
        return (Stores) Proxy.newProxyInstance(Stores.class.getClassLoader(), new Class<?>[] {Stores.class},
                handler);
    }

    /** A port whose every call goes to the next node's same port. */
    private static Object port(Method getter, List<Stores> nodes, AtomicLong turn) {
        Class<?> type = getter.getReturnType();
        InvocationHandler alternate = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return invoke(method, invoke(getter, nodes.get(0), null), args);
            }
            Stores node = nodes.get((int) (turn.getAndIncrement() % nodes.size()));
            return invoke(method, invoke(getter, node, null), args);
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, alternate);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

package io.grantsmith.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy to one upstream (a database) that a test can cut, black-hole and restore, to take the database
 * away from one node without stopping a server that others share. Cut, it closes every connection it carries and
 * closes each new one as soon as it is accepted, as a stopped database's host answers. Black-holed, it forwards
 * nothing more but closes nothing, and stops accepting, as across a silent network partition (packets dropped, no
 * reset): the bytes sent meanwhile are held, as TCP would retransmit them, and new connections do not complete. The
 * listener's backlog is one, so once the kernel has queued the first two handshakes it drops further SYNs and a
 * client's connect times out, as a partition drops the handshake. Restored, it forwards again, the held bytes
 * first, on the connections that are still open, and accepts again; one accepted by the call already waiting when
 * the black hole began is closed (its client gave up waiting for the database's greeting long before).
 */
final class CuttableProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final String upstreamHost;
    private final int upstreamPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** Accepted while black-holed: never connected upstream. */
    private final Set<Socket> unanswered = ConcurrentHashMap.newKeySet();
    /** Guards {@link #blackholed} changes and {@link #unanswered}, so that no connection is left behind. */
    private final Object forwarding = new Object();
    private volatile boolean cut;
    private volatile boolean blackholed;

    private CuttableProxy(String upstreamHost, int upstreamPort) throws IOException {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()); // a black hole queues little
        Thread acceptor = new Thread(this::accept, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static CuttableProxy to(String host, int port) throws IOException {
        return new CuttableProxy(host, port);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Closes every connection and refuses new ones until {@link #restore()}. */
    void cut() {
        cut = true;
        open.forEach(CuttableProxy::closeQuietly);
        open.clear();
        closeUnanswered();
    }

    /** Forwards nothing, and accepts no new connection, until {@link #restore()}; closes nothing. */
    void blackhole() {
        synchronized (forwarding) {
            blackholed = true;
        }
    }

    void restore() {
        cut = false;
        synchronized (forwarding) {
            blackholed = false;
            forwarding.notifyAll();
            closeUnanswered();
        }
    }

    private void closeUnanswered() {
        synchronized (forwarding) {
            unanswered.forEach(CuttableProxy::closeQuietly);
            unanswered.clear();
        }
    }

    /** Returns once the proxy forwards and accepts (at once unless black-holed). */
    private void awaitForwarding() throws InterruptedException {
        synchronized (forwarding) {
            while (blackholed) {
                forwarding.wait();
            }
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                awaitForwarding(); // black-holed: accept nothing, so new handshakes queue and then are dropped
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            } catch (InterruptedException e) {
                return;
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            synchronized (forwarding) { // with restore(): either it closes this one, or it is forwarded after
                if (blackholed) { // accepted by the call that was waiting when the black hole began
                    unanswered.add(client);
                    continue;
                }
            }
            try {
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(upstreamHost, upstreamPort), 2_000);
                open.add(client);
                open.add(upstream);
                if (cut) { // cut while this one connected
                    closeQuietly(client);
                    closeQuietly(upstream);
                    continue;
                }
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    awaitForwarding();
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: close both below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        restore(); // wakes the pumps held by a black hole, which then find their sockets closed
        listener.close();
    }
}

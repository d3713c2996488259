package dev.novaboot.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Relays TCP connections from an address of the test hosts' bridge to a server that
 * listens on the machine's loopback only (PostgreSQL on 127.0.0.1:5432, RabbitMQ on
 * 127.0.0.1:5672): the hosts in their namespaces reach the machine's servers as remote
 * hosts reach a database server, and the servers see a local client (RabbitMQ's
 * {@code guest} may only log in from the loopback). {@link #interrupt()} cuts every
 * relayed connection and refuses new ones until {@link #resume()}, which is what a
 * restarting server looks like from its clients.
 */
final class TcpForwarder implements AutoCloseable {

	private final InetAddress bindAddress;

	private final int targetPort;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile int port;

	private volatile ServerSocket server;

	private TcpForwarder(InetAddress bindAddress, int targetPort) {
		this.bindAddress = bindAddress;
		this.targetPort = targetPort;
	}

	/** Listens on a free port of {@code bindAddress}, relaying to 127.0.0.1:{@code targetPort}. */
	static TcpForwarder start(String bindAddress, int targetPort) {
		try {
			TcpForwarder forwarder = new TcpForwarder(InetAddress.getByName(bindAddress), targetPort);
			forwarder.listen(0);
			return forwarder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.port;
	}

	private void listen(int port) throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(this.bindAddress, port));
		this.server = socket;
		this.port = socket.getLocalPort();
		daemon("forward-accept-" + this.port, () -> accept(socket));
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				Socket target;
				try {
					target = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				}
				catch (IOException ex) {
					client.close();
					continue;
				}
				this.open.add(client);
				this.open.add(target);
				daemon("forward-up", () -> pump(client, target));
				daemon("forward-down", () -> pump(target, client));
			}
			catch (IOException ex) {
				// closed by interrupt() or close()
			}
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[16384];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// one side went away: the other goes too
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	/** The server goes away: every relayed connection is cut, new ones are refused. */
	void interrupt() {
		closeQuietly(this.server);
		for (Socket socket : this.open) {
			closeQuietly(socket);
		}
		this.open.clear();
	}

	/** The server is back, on the same port. */
	void resume() {
		try {
			listen(this.port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		interrupt();
	}

	private void closeQuietly(java.io.Closeable closeable) {
		try {
			if (closeable != null) {
				closeable.close();
			}
		}
		catch (IOException ex) {
			// closing anyway
		}
		if (closeable instanceof Socket socket) {
			this.open.remove(socket);
		}
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

}

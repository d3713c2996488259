package dev.novaboot.service.testsupport;

import java.io.Closeable;
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
 * A host's network link to a server (the message broker) as a TCP relay on the loopback
 * whose cable can be pulled. {@link #cut()} silences every connection that is open: from
 * then on nothing passes in either direction and nothing is closed, so each end sees only
 * silence, as behind a cut cable or a host that vanished; those connections stay dead
 * even after {@link #restore()}, as a connection whose other end forgot it. New
 * connections are silenced too while the link is cut, and relayed again once it is
 * restored.
 */
public final class CuttableLink implements AutoCloseable {

	private final ServerSocket server;

	private final int targetPort;

	private final Set<Relay> relays = ConcurrentHashMap.newKeySet();

	private volatile boolean cut;

	private CuttableLink(ServerSocket server, int targetPort) {
		this.server = server;
		this.targetPort = targetPort;
	}

	/** Relays a free port of the loopback to {@code targetPort}. */
	public static CuttableLink to(int targetPort) {
		try {
			ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			CuttableLink link = new CuttableLink(server, targetPort);
			daemon("link-accept-" + server.getLocalPort(), link::accept);
			return link;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.server.getLocalPort();
	}

	public void cut() {
		this.cut = true;
		this.relays.forEach(Relay::silence);
	}

	public void restore() {
		this.cut = false;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket target = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				Relay relay = new Relay(client, target);
				if (this.cut) {
					relay.silence();
				}
				this.relays.add(relay);
				daemon("link-up", () -> relay.pump(client, target));
				daemon("link-down", () -> relay.pump(target, client));
			}
			catch (IOException ex) {
				// closed, or the target refused: the client sees its connection end
			}
		}
	}

	@Override
	public void close() {
		closeQuietly(this.server);
		this.relays.forEach(Relay::close);
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	private static final class Relay {

		private final Socket client;

		private final Socket target;

		private volatile boolean silent;

		Relay(Socket client, Socket target) {
			this.client = client;
			this.target = target;
		}

		void silence() {
			this.silent = true;
		}

		void pump(Socket from, Socket to) {
			byte[] buffer = new byte[16384];
			try {
				InputStream in = from.getInputStream();
				OutputStream out = to.getOutputStream();
				int read;
				while ((read = in.read(buffer)) >= 0) {
					// a silenced connection swallows what is sent: it never arrives
					if (!this.silent) {
						out.write(buffer, 0, read);
						out.flush();
					}
				}
			}
			catch (IOException ex) {
				// one end went away
			}
			// an end that closes is not seen by the other behind a cut link
			if (!this.silent) {
				close();
			}
		}

		void close() {
			closeQuietly(this.client);
			closeQuietly(this.target);
		}

	}

}

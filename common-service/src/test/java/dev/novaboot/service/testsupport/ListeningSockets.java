package dev.novaboot.service.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Where a server really listens, read from the kernel rather than from what the server
 * says, and the embedded H2 server's own word on its address (its lock file).
 */
public final class ListeningSockets {

	private ListeningSockets() {
	}

	/** The {@code server=host:port} that an H2 {@code AUTO_SERVER} wrote into its lock file. */
	public static String h2Server(Path lockFile) throws IOException {
		Properties lock = new Properties();
		try (Reader reader = Files.newBufferedReader(lockFile)) {
			lock.load(reader);
		}
		String server = lock.getProperty("server");
		if (server == null) {
			throw new IllegalStateException(lockFile + " names no server");
		}
		return server;
	}

	public static int port(String hostAndPort) {
		return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
	}

	/** The local addresses of the sockets listening on the port, from Linux's /proc/net/tcp and tcp6. */
	public static Set<String> listeningAddresses(int port) throws IOException {
		Set<String> addresses = new HashSet<>();
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			Path path = Path.of(table);
			if (!Files.exists(path)) {
				continue;
			}
			List<String> lines = Files.readAllLines(path);
			for (String line : lines.subList(1, lines.size())) {
				String[] fields = line.trim().split("\\s+");
				String[] local = fields[1].split(":");
				boolean listening = "0A".equals(fields[3]);
				if (listening && Integer.parseInt(local[1], 16) == port) {
					addresses.add(InetAddress.getByAddress(kernelBytes(local[0])).getHostAddress());
				}
			}
		}
		return addresses;
	}

	/** This machine's IPv4 addresses that are not loopback. */
	public static List<InetAddress> nonLoopbackAddresses() throws IOException {
		List<InetAddress> addresses = new ArrayList<>();
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (network.isUp() && !network.isLoopback()) {
				Collections.list(network.getInetAddresses())
					.stream()
					.filter((address) -> address instanceof Inet4Address)
					.forEach(addresses::add);
			}
		}
		return addresses;
	}

	// the kernel prints an address as 32-bit words in the machine's byte order
	private static byte[] kernelBytes(String hex) {
		byte[] bytes = new byte[hex.length() / 2];
		for (int word = 0; word < bytes.length / 4; word++) {
			for (int i = 0; i < 4; i++) {
				int source = (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) ? 3 - i : i;
				bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring((word * 4 + source) * 2,
						(word * 4 + source) * 2 + 2), 16);
			}
		}
		return bytes;
	}

}

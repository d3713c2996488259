package dev.novaboot.network.manager;

import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands out a subnet's addresses so that no address is ever given twice, by any number of
 * threads on any number of network hosts sharing the database.
 * <p>
 * Every usable address of a subnet is a pre-created {@code fixed_ips} row (as in Nova). An
 * allocation on PostgreSQL marks the lowest free row nobody else holds in one
 * {@code UPDATE ... WHERE id = (SELECT ... FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING}. On
 * other databases (H2) it reads the lowest free rows without locking, then locks one of them with
 * {@code SELECT ... WHERE id = ? AND allocated = FALSE FOR UPDATE SKIP LOCKED}
 * (concurrent allocators skip each other's locked rows instead of queueing on them) and
 * marks it with a guarded {@code UPDATE ... WHERE allocated = FALSE}; the unique key
 * (network_id, address) keeps one row per address. Both H2 and PostgreSQL support this,
 * so the same code is correct on both. The caller's transaction decides when the
 * allocation becomes visible; these methods must run inside one.
 * <p>
 * An IPv6 subnet (a {@code /64} has 2^64 addresses) has no pre-created rows: an allocation
 * locks the subnet's row ({@code SELECT ... FOR UPDATE}), so allocators of one IPv6 subnet
 * queue there, reads the subnet's taken addresses, and inserts the row of the address it
 * takes; releasing deletes the row. The unique key (network_id, address) still holds one
 * row per address (addresses are stored in their canonical text), and the lock means no
 * allocator ever runs into it, which on PostgreSQL would abort the caller's transaction.
 */
@Component
public class AddressAllocator {

	private static final int BATCH = 1000;

	// an address row of an IPv6 subnet, which exists only while the address is allocated
	private static final String IPV6_ROW = "subnet_id IN (SELECT id FROM subnets WHERE ip_version = 6)";

	/** How many of the lowest free addresses an allocator tries to lock before looking again. */
	private static final int CANDIDATES = 16;

	/** A subnet larger than this would need too many address rows; Nova's limit was similar. */
	public static final int MIN_PREFIX_LENGTH = 16;

	private final JdbcTemplate jdbc;

	/** Whether the database is PostgreSQL; read from the first connection used. */
	private volatile Boolean postgres;

	public AddressAllocator(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the address rows of a new subnet: every host address, reserved unless it
	 * lies in one of {@code pools} (so the gateway and anything outside the pools is never
	 * handed out).
	 */
	public void createAddresses(long networkId, long subnetId, Ipv4Cidr cidr, List<AddressRange> pools,
			String gateway) {
		long gatewayValue = (gateway != null) ? Ipv4.parse(gateway) : -1;
		List<Object[]> rows = new ArrayList<>(BATCH);
		for (long address = cidr.firstHost(); address <= cidr.lastHost(); address++) {
			long value = address;
			boolean reserved = value == gatewayValue || pools.stream().noneMatch((pool) -> pool.contains(value));
			rows.add(new Object[] { networkId, subnetId, Ipv4.format(value), value, reserved });
			if (rows.size() == BATCH) {
				insert(rows);
				rows.clear();
			}
		}
		insert(rows);
	}

	private void insert(List<Object[]> rows) {
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate("INSERT INTO fixed_ips (network_id, subnet_id, address, address_value, allocated, "
					+ "reserved, leased, updated_at) VALUES (?, ?, ?, ?, FALSE, ?, FALSE, CURRENT_TIMESTAMP)", rows);
		}
	}

	public void deleteAddresses(long subnetId) {
		this.jdbc.update("DELETE FROM fixed_ips WHERE subnet_id = ?", subnetId);
	}

	/**
	 * Allocates the lowest free address of one of {@code subnetIds} (tried in order).
	 * @return the address
	 * @throws NoMoreAddressesException when every address is taken
	 */
	public Allocation allocate(String networkUuid, List<Long> subnetIds, Holder holder) {
		for (long subnetId : subnetIds) {
			Optional<Allocation> allocation = allocateFrom(subnetId, holder);
			if (allocation.isPresent()) {
				return allocation.get();
			}
		}
		throw new NoMoreAddressesException(networkUuid);
	}

	private Optional<Allocation> allocateFrom(long subnetId, Holder holder) {
		if (postgres()) {
			return allocateOnPostgres(subnetId, holder);
		}
		while (true) {
			List<Allocation> candidates = this.jdbc.query(
					"SELECT id, subnet_id, address FROM fixed_ips WHERE subnet_id = ? AND allocated = FALSE "
							+ "AND reserved = FALSE ORDER BY address_value LIMIT " + CANDIDATES,
					(rs, row) -> new Allocation(rs.getLong(1), rs.getLong(2), rs.getString(3)), subnetId);
			if (candidates.isEmpty()) {
				return Optional.empty();
			}
			for (Allocation candidate : candidates) {
				if (lock(candidate.id()) && mark(candidate.id(), holder)) {
					return Optional.of(candidate);
				}
			}
			// every candidate is held by an allocator whose transaction has not ended: look again
			Thread.onSpinWait();
		}
	}

	/**
	 * PostgreSQL takes the lowest free row nobody holds and marks it in one statement: its
	 * {@code FOR UPDATE SKIP LOCKED ... LIMIT 1} locks only the row it returns (H2 locks
	 * every row it reads), and a row another allocator marked and committed meanwhile is
	 * checked again and passed over. One round trip instead of three.
	 */
	private Optional<Allocation> allocateOnPostgres(long subnetId, Holder holder) {
		while (true) {
			List<Allocation> taken = this.jdbc.query(
					"UPDATE fixed_ips SET allocated = TRUE, leased = FALSE, port_id = ?, instance_uuid = ?, host = ?, "
							+ "updated_at = CURRENT_TIMESTAMP WHERE id = (SELECT id FROM fixed_ips WHERE subnet_id = ? "
							+ "AND allocated = FALSE AND reserved = FALSE ORDER BY address_value LIMIT 1 "
							+ "FOR UPDATE SKIP LOCKED) AND allocated = FALSE RETURNING id, subnet_id, address",
					(rs, row) -> new Allocation(rs.getLong(1), rs.getLong(2), rs.getString(3)), holder.portId(),
					holder.instanceUuid(), holder.host(), subnetId);
			if (!taken.isEmpty()) {
				return Optional.of(taken.get(0));
			}
			if (!Boolean.TRUE.equals(this.jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM fixed_ips WHERE "
					+ "subnet_id = ? AND allocated = FALSE AND reserved = FALSE)", Boolean.class, subnetId))) {
				return Optional.empty();
			}
			// every free row is held by an allocator whose transaction has not ended: look again
			Thread.onSpinWait();
		}
	}

	private boolean postgres() {
		Boolean known = this.postgres;
		if (known == null) {
			known = this.jdbc.execute((ConnectionCallback<Boolean>) (connection) -> "PostgreSQL"
				.equals(connection.getMetaData().getDatabaseProductName()));
			this.postgres = known;
		}
		return known;
	}

	/**
	 * Locks one free address row, unless another allocator holds it. One row at a time:
	 * H2 would lock every row a {@code FOR UPDATE} query reads before its {@code LIMIT}.
	 */
	private boolean lock(long id) {
		return !this.jdbc
			.queryForList("SELECT id FROM fixed_ips WHERE id = ? AND allocated = FALSE FOR UPDATE SKIP LOCKED",
					Long.class, id)
			.isEmpty();
	}

	/**
	 * Allocates one given address of the network.
	 * @throws NetworkException 409 {@code IpAddressAlreadyAllocated} when it is taken, 400 when
	 * the network has no such address for hosts
	 */
	public Allocation allocateAddress(long networkId, String networkUuid, String address, Holder holder) {
		return allocateAddress(networkId, networkUuid, address, holder, false);
	}

	/**
	 * Allocates a subnet's gateway address to a router's interface: the one reserved
	 * address a port may take (once: a second router on the subnet gets a 409).
	 */
	public Allocation allocateGateway(long networkId, String networkUuid, String address, Holder holder) {
		return allocateAddress(networkId, networkUuid, address, holder, true);
	}

	private Allocation allocateAddress(long networkId, String networkUuid, String address, Holder holder,
			boolean reservedToo) {
		List<Object[]> rows = this.jdbc.query(
				"SELECT id, subnet_id, allocated, reserved FROM fixed_ips WHERE network_id = ? AND address = ? FOR UPDATE",
				(rs, row) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getBoolean(4) },
				networkId, address);
		if (rows.isEmpty() || ((Boolean) rows.get(0)[3] && !reservedToo)) {
			throw NetworkException.invalidInput("IP address " + address
					+ " is not a valid address of an allocation pool of network " + networkUuid + ".");
		}
		long id = (Long) rows.get(0)[0];
		if ((Boolean) rows.get(0)[2] || !mark(id, holder)) {
			throw NetworkException.conflict("IpAddressAlreadyAllocated",
					"IP address " + address + " already allocated in network " + networkUuid + ".");
		}
		return new Allocation(id, (Long) rows.get(0)[1], address);
	}

	private boolean mark(long id, Holder holder) {
		return this.jdbc.update(
				"UPDATE fixed_ips SET allocated = TRUE, leased = FALSE, port_id = ?, instance_uuid = ?, host = ?, "
						+ "updated_at = CURRENT_TIMESTAMP WHERE id = ? AND allocated = FALSE",
				(PreparedStatement ps) -> {
					ps.setObject(1, holder.portId());
					ps.setString(2, holder.instanceUuid());
					ps.setString(3, holder.host());
					ps.setLong(4, id);
				}) == 1;
	}

	/**
	 * Allocates the lowest free address of an IPv6 subnet's allocation pools.
	 * @return the address, or empty when the pools are used up
	 */
	public Optional<Allocation> allocateIpv6(long networkId, long subnetId, Ipv6Cidr cidr,
			List<Ipv6Subnets.Range> pools, Holder holder) {
		lockSubnet(subnetId);
		Set<BigInteger> taken = new HashSet<>();
		for (Long value : this.jdbc.queryForList("SELECT address_value FROM fixed_ips WHERE subnet_id = ?", Long.class,
				subnetId)) {
			taken.add(cidr.at(value));
		}
		for (Ipv6Subnets.Range pool : pools) {
			// at most one step per taken address: the pool's first free address
			for (BigInteger candidate = pool.first(); candidate.compareTo(pool.last()) <= 0; candidate = candidate
				.add(BigInteger.ONE)) {
				if (!taken.contains(candidate)) {
					return Optional.of(insertIpv6(networkId, subnetId, cidr, candidate, holder));
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Allocates one given address of an IPv6 subnet (asked for, or a SLAAC address made
	 * from the port's MAC address).
	 * @throws NetworkException 409 {@code IpAddressAlreadyAllocated} when it is taken
	 */
	public Allocation allocateIpv6Address(long networkId, String networkUuid, long subnetId, Ipv6Cidr cidr,
			BigInteger address, Holder holder) {
		lockSubnet(subnetId);
		String text = Ipv6.format(address);
		if (!this.jdbc.queryForList("SELECT id FROM fixed_ips WHERE network_id = ? AND address = ?", Long.class,
				networkId, text).isEmpty()) {
			throw NetworkException.conflict("IpAddressAlreadyAllocated",
					"IP address " + text + " already allocated in network " + networkUuid + ".");
		}
		return insertIpv6(networkId, subnetId, cidr, address, holder);
	}

	private void lockSubnet(long subnetId) {
		this.jdbc.queryForList("SELECT id FROM subnets WHERE id = ? FOR UPDATE", Long.class, subnetId);
	}

	private Allocation insertIpv6(long networkId, long subnetId, Ipv6Cidr cidr, BigInteger address, Holder holder) {
		String text = Ipv6.format(address);
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			PreparedStatement ps = connection.prepareStatement("INSERT INTO fixed_ips (network_id, subnet_id, address, "
					+ "address_value, allocated, reserved, leased, port_id, instance_uuid, host, updated_at) "
					+ "VALUES (?, ?, ?, ?, TRUE, FALSE, FALSE, ?, ?, ?, CURRENT_TIMESTAMP)", new String[] { "id" });
			ps.setLong(1, networkId);
			ps.setLong(2, subnetId);
			ps.setString(3, text);
			ps.setLong(4, cidr.offset(address));
			ps.setObject(5, holder.portId());
			ps.setString(6, holder.instanceUuid());
			ps.setString(7, holder.host());
			return ps;
		}, key);
		return new Allocation(key.getKey().longValue(), subnetId, text);
	}

	/** Frees every address of a port. */
	public int releasePort(long portId) {
		this.jdbc.update("DELETE FROM fixed_ips WHERE port_id = ? AND " + IPV6_ROW, portId);
		return this.jdbc.update("UPDATE fixed_ips SET allocated = FALSE, leased = FALSE, port_id = NULL, "
				+ "instance_uuid = NULL, host = NULL, updated_at = CURRENT_TIMESTAMP WHERE port_id = ?", portId);
	}

	/** Frees one address row (a floating IP's address of the external network). */
	public void release(long id) {
		this.jdbc.update("DELETE FROM fixed_ips WHERE id = ? AND " + IPV6_ROW, id);
		this.jdbc.update("UPDATE fixed_ips SET allocated = FALSE, leased = FALSE, port_id = NULL, "
				+ "instance_uuid = NULL, host = NULL, updated_at = CURRENT_TIMESTAMP WHERE id = ?", id);
	}

	/**
	 * Who holds an address.
	 * @param portId the port, or {@code null} (a floating IP's address)
	 * @param instanceUuid the instance, or {@code null}
	 * @param host the network host serving it, or {@code null}
	 */
	public record Holder(Long portId, String instanceUuid, String host) {
	}

	/** An allocated address row. */
	public record Allocation(long id, long subnetId, String address) {
	}

	/** An inclusive range of addresses. */
	public record AddressRange(long first, long last) {

		public boolean contains(long address) {
			return address >= this.first && address <= this.last;
		}

		public boolean overlaps(AddressRange other) {
			return this.first <= other.last && other.first <= this.last;
		}

	}

}

package dev.novaboot.compute.manager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import dev.novaboot.compute.QuotaProperties;
import dev.novaboot.compute.store.KeyPairRepository;
import dev.novaboot.compute.store.ProjectQuotaLock;
import dev.novaboot.compute.store.ProjectQuotaLockRepository;
import dev.novaboot.compute.store.ProjectUsageRepository;
import dev.novaboot.compute.store.QuotaRecord;
import dev.novaboot.compute.store.QuotaRepository;
import dev.novaboot.compute.store.ServerGroupRepository;
import dev.novaboot.compute.store.Usage;
import dev.novaboot.service.record.DatabaseClock;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projects' compute quotas (Nova's {@code DbQuotaDriver} with counted usage): the
 * limits, defaults from {@code nova.quota} overridden per project by admins, and what is in
 * use, counted from the live rows. A create that a quota limits runs under the project's
 * quota lock, in one transaction with its check: concurrent creates of a project are
 * counted one after another, so none can pass a limit (Nova itself counts, creates and
 * counts again; a lock makes the recheck unnecessary).
 */
@Service
public class ComputeQuotas {

	/** Every quota resource, in the order Nova's API lists them. */
	public static final List<String> RESOURCES = List.of("cores", "fixed_ips", "floating_ips", "injected_file_content_bytes",
			"injected_file_path_bytes", "injected_files", "instances", "key_pairs", "metadata_items", "ram",
			"security_group_rules", "security_groups", "server_group_members", "server_groups");

	/** The nova-network quotas Nova still lists before 2.36: always unlimited. */
	public static final List<String> NETWORK_RESOURCES = List.of("fixed_ips", "floating_ips", "security_group_rules",
			"security_groups");

	private static final int UNLIMITED = -1;

	private final QuotaProperties defaults;

	private final QuotaRepository quotas;

	private final ProjectQuotaLockRepository locks;

	private final ProjectUsageRepository usage;

	private final KeyPairRepository keyPairs;

	private final ServerGroupRepository serverGroups;

	private final DatabaseClock clock;

	private final TransactionTemplate transaction;

	private final TransactionTemplate newTransaction;

	ComputeQuotas(QuotaProperties defaults, QuotaRepository quotas, ProjectQuotaLockRepository locks,
			ProjectUsageRepository usage, KeyPairRepository keyPairs, ServerGroupRepository serverGroups,
			DatabaseClock clock, PlatformTransactionManager transactions) {
		this.serverGroups = serverGroups;
		this.defaults = defaults;
		this.quotas = quotas;
		this.locks = locks;
		this.usage = usage;
		this.keyPairs = keyPairs;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The default limit of every resource. */
	public Map<String, Integer> defaults() {
		Map<String, Integer> limits = new LinkedHashMap<>();
		for (String resource : RESOURCES) {
			limits.put(resource, switch (resource) {
				case "cores" -> this.defaults.cores();
				case "injected_file_content_bytes" -> this.defaults.injectedFileContentBytes();
				case "injected_file_path_bytes" -> this.defaults.injectedFilePathLength();
				case "injected_files" -> this.defaults.injectedFiles();
				case "instances" -> this.defaults.instances();
				case "key_pairs" -> this.defaults.keyPairs();
				case "metadata_items" -> this.defaults.metadataItems();
				case "ram" -> this.defaults.ram();
				case "server_group_members" -> this.defaults.serverGroupMembers();
				case "server_groups" -> this.defaults.serverGroups();
				default -> UNLIMITED;
			});
		}
		return limits;
	}

	/** The project's limit of every resource: its own where an admin set one, else the default. */
	public Map<String, Integer> limits(String project) {
		return this.transaction.execute((status) -> {
			Map<String, Integer> limits = defaults();
			for (QuotaRecord quota : this.quotas.findByProjectId(project)) {
				limits.put(quota.getResource(), quota.getHardLimit());
			}
			return limits;
		});
	}

	/** The project's limits with what is in use of each (by {@code user} for key pairs). */
	public Map<String, Quota> detail(String project, String user) {
		return this.transaction.execute((status) -> {
			Usage used = this.usage.ofProject(project);
			Map<String, Quota> detail = new LinkedHashMap<>();
			limits(project).forEach((resource, limit) -> detail.put(resource,
					new Quota(limit, inUse(resource, project, used, user))));
			return detail;
		});
	}

	/**
	 * Sets the project's limits. Unless {@code force}, a limit below what is in use is
	 * refused and nothing changes.
	 * @throws QuotaLimitException for a limit below the usage
	 */
	public void update(String project, String user, Map<String, Integer> limits, boolean force) {
		underLock(project, () -> {
			if (!force) {
				Map<String, Quota> detail = detail(project, user);
				limits.forEach((resource, limit) -> {
					long used = detail.get(resource).inUse();
					if (limit != UNLIMITED && limit < used) {
						throw new QuotaLimitException("Quota limit " + limit + " for " + resource
								+ " must be greater than or equal to already used and reserved " + used + ".");
					}
				});
			}
			limits.forEach((resource, limit) -> this.quotas.findByProjectIdAndResource(project, resource)
				.ifPresentOrElse((quota) -> quota.setHardLimit(limit, this.clock.now()),
						() -> this.quotas.save(new QuotaRecord(project, resource, limit, this.clock.now()))));
		});
	}

	/** Forgets the project's own limits: the defaults hold again. */
	public void reset(String project) {
		this.transaction.executeWithoutResult((status) -> this.quotas.deleteByProject(project));
	}

	/**
	 * Creates as many instances of the flavor as the project's quotas allow, between
	 * {@code minCount} and {@code maxCount}, by calling {@code create} with that number
	 * under the project's quota lock.
	 * @throws OverQuotaException when not even {@code minCount} fit
	 */
	public <T> T createInstances(String project, int vcpus, int memoryMb, int minCount, int maxCount,
			IntFunction<T> create) {
		return underLock(project, () -> {
			Map<String, Integer> limits = limits(project);
			Usage used = this.usage.ofProject(project);
			long allowed = Math.min(headroom(limits.get("instances"), used.instances(), 1),
					Math.min(headroom(limits.get("cores"), used.vcpus(), vcpus),
							headroom(limits.get("ram"), used.memoryMb(), memoryMb)));
			if (allowed >= maxCount) {
				return create.apply(maxCount);
			}
			if (allowed >= minCount) {
				return create.apply((int) allowed);
			}
			throw tooManyInstances(limits, used, vcpus, memoryMb, minCount, maxCount);
		});
	}

	/**
	 * Runs {@code create} if the user has fewer key pairs than the project's limit, under
	 * the project's quota lock.
	 * @throws OverQuotaException "too many key pairs" otherwise
	 */
	public <T> T createKeyPair(String project, String user, Supplier<T> create) {
		return underLock(project, () -> {
			int limit = limits(project).get("key_pairs");
			if (limit != UNLIMITED && this.keyPairs.countByUserId(user) + 1 > limit) {
				throw new OverQuotaException("Quota exceeded, too many key pairs.");
			}
			return create.get();
		});
	}

	/**
	 * Runs {@code create} if the project has fewer server groups than its limit, under the
	 * project's quota lock.
	 * @throws OverQuotaException "too many server groups" otherwise
	 */
	public <T> T createServerGroup(String project, Supplier<T> create) {
		return underLock(project, () -> {
			int limit = limits(project).get("server_groups");
			if (limit != UNLIMITED && this.serverGroups.countByProjectId(project) + 1 > limit) {
				throw new OverQuotaException("Quota exceeded, too many server groups.");
			}
			return create.get();
		});
	}

	/**
	 * Checks that a group of the project may hold {@code members} servers of one user (the
	 * caller holds the group's lock).
	 * @throws OverQuotaException "too many servers in group" otherwise
	 */
	public void checkGroupMembers(String project, long members) {
		int limit = limits(project).get("server_group_members");
		if (limit != UNLIMITED && members > limit) {
			throw new OverQuotaException("Quota exceeded, too many servers in group");
		}
	}

	// how many more of an item of this size fit under the limit
	private static long headroom(int limit, long used, long size) {
		if (limit == UNLIMITED || size == 0) {
			return Long.MAX_VALUE;
		}
		return Math.max(0, (limit - used) / size);
	}

	// Nova's TooManyInstances: "Quota exceeded for cores, ram: Requested 8, 16384, but already
	// used 18, 40960 of 20, 51200 cores, ram"
	private static OverQuotaException tooManyInstances(Map<String, Integer> limits, Usage used, int vcpus,
			int memoryMb, int minCount, int maxCount) {
		Map<String, long[]> wanted = new LinkedHashMap<>();
		wanted.put("cores", new long[] { (long) maxCount * vcpus, used.vcpus() });
		wanted.put("instances", new long[] { maxCount, used.instances() });
		wanted.put("ram", new long[] { (long) maxCount * memoryMb, used.memoryMb() });
		List<String> overs = new ArrayList<>();
		List<String> requested = new ArrayList<>();
		List<String> useds = new ArrayList<>();
		List<String> alloweds = new ArrayList<>();
		wanted.forEach((resource, amounts) -> {
			int limit = limits.get(resource);
			if (limit != UNLIMITED && amounts[1] + amounts[0] > limit) {
				overs.add(resource);
				requested.add(resource.equals("instances")
						? ((minCount == maxCount) ? String.valueOf(minCount) : minCount + "-" + maxCount)
						: String.valueOf(amounts[0]));
				useds.add(String.valueOf(amounts[1]));
				alloweds.add(String.valueOf(limit));
			}
		});
		String names = String.join(", ", overs);
		return new OverQuotaException("Quota exceeded for " + names + ": Requested " + String.join(", ", requested)
				+ ", but already used " + String.join(", ", useds) + " of " + String.join(", ", alloweds) + " "
				+ names);
	}

	private long inUse(String resource, String project, Usage used, String user) {
		return switch (resource) {
			case "cores" -> used.vcpus();
			case "instances" -> used.instances();
			case "ram" -> used.memoryMb();
			case "key_pairs" -> this.keyPairs.countByUserId(user);
			case "server_groups" -> this.serverGroups.countByProjectId(project);
			default -> 0;
		};
	}

	/**
	 * Runs {@code work} in a transaction that holds the project's quota lock. The lock row
	 * is made first, in a short transaction of its own and before the one that holds it:
	 * made inside, it would need a second connection while the first is held, and the
	 * concurrent first requests of a project would take every connection of the pool and
	 * wait for one more (seen with 8 clients booting at once).
	 */
	private <T> T underLock(String project, Supplier<T> work) {
		if (!this.locks.existsById(project)) {
			try {
				this.newTransaction.executeWithoutResult((status) -> this.locks.saveAndFlush(new ProjectQuotaLock(project)));
			}
			catch (DataIntegrityViolationException ex) {
				// another request made it first
			}
		}
		return this.transaction.execute((status) -> {
			this.locks.lock(project).orElseThrow();
			return work.get();
		});
	}

	private void underLock(String project, Runnable work) {
		underLock(project, () -> {
			work.run();
			return null;
		});
	}

	/** A limit and what is in use of it. */
	public record Quota(int limit, long inUse) {
	}

	/** Nova's {@code OverQuota}: the API answers 403 with its message. */
	public static class OverQuotaException extends RuntimeException {

		OverQuotaException(String message) {
			super(message);
		}

	}

	/** A limit an admin asked for that is below what is in use (400). */
	public static class QuotaLimitException extends RuntimeException {

		QuotaLimitException(String message) {
			super(message);
		}

	}

}

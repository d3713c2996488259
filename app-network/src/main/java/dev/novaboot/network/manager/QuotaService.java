package dev.novaboot.network.manager;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.network.NetworkProperties;
import dev.novaboot.network.store.QuotaStore;
import dev.novaboot.service.context.RequestContext;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Neutron's quotas ({@code quotasv2} and {@code quota_details}): a project's limits (its
 * own or the defaults of {@code nova.network.quota.*}), and their enforcement on create.
 * <p>
 * A create checks its quota in the transaction that inserts the resource, after locking the
 * project's row of {@code network_quota_projects}: concurrent creates of one project (on
 * any host) queue on that row, and each counts the live rows that the one before it
 * committed, so no two of them can both take the last unit. Neutron's no-lock driver
 * reserves instead; the count under a lock gives the same guarantee without reservations.
 */
@Service
public class QuotaService {

	/** The resources with a quota, in the order Neutron's clients show them. */
	public static final List<String> RESOURCES = List.of("network", "subnet", "port", "router", "floatingip",
			"security_group", "security_group_rule");

	private static final String RULE_PREFIX = "rule:";

	private final QuotaStore store;

	private final NetworkProperties.Quota defaults;

	public QuotaService(QuotaStore store, NetworkProperties properties) {
		this.store = store;
		this.defaults = properties.quota();
	}

	/** The default limits, by resource. */
	public Map<String, Integer> defaults() {
		Map<String, Integer> limits = new LinkedHashMap<>();
		limits.put("network", this.defaults.network());
		limits.put("subnet", this.defaults.subnet());
		limits.put("port", this.defaults.port());
		limits.put("router", this.defaults.router());
		limits.put("floatingip", this.defaults.floatingip());
		limits.put("security_group", this.defaults.securityGroup());
		limits.put("security_group_rule", this.defaults.securityGroupRule());
		return limits;
	}

	/** The project's defaults ({@code GET /v2.0/quotas/{id}/default}). */
	@Transactional(readOnly = true)
	public Map<String, Integer> defaults(RequestContext context, String projectId) {
		checkRead(context, projectId);
		return defaults();
	}

	/** The project's limits: its own where it has some, else the defaults. */
	@Transactional(readOnly = true)
	public Map<String, Integer> limits(RequestContext context, String projectId) {
		checkRead(context, projectId);
		return limits(projectId);
	}

	/** Every project that has limits of its own, with all its limits (admins only). */
	@Transactional(readOnly = true)
	public Map<String, Map<String, Integer>> all(RequestContext context) {
		checkAdmin(context, "get_quota");
		Map<String, Map<String, Integer>> all = new LinkedHashMap<>();
		this.store.allLimits().forEach((project, own) -> {
			Map<String, Integer> limits = defaults();
			limits.putAll(own);
			all.put(project, limits);
		});
		return all;
	}

	/** Limit, use and reservations of every resource ({@code quota_details}). */
	@Transactional(readOnly = true)
	public Map<String, Detail> details(RequestContext context, String projectId) {
		checkRead(context, projectId);
		Map<String, Long> used = this.store.counts(projectId);
		Map<String, Detail> details = new LinkedHashMap<>();
		limits(projectId).forEach((resource, limit) -> details.put(resource, new Detail(limit, used.get(resource), 0)));
		return details;
	}

	/**
	 * Sets some of the project's limits (admins only).
	 * @param checkLimit refuse a limit below what the project already uses, as Neutron's
	 * {@code check_limit}
	 */
	@Transactional
	public Map<String, Integer> update(RequestContext context, String projectId, Map<String, Integer> limits,
			boolean checkLimit) {
		checkAdmin(context, "update_quota");
		for (Map.Entry<String, Integer> limit : limits.entrySet()) {
			if (!RESOURCES.contains(limit.getKey())) {
				throw NetworkException.badRequest("Unrecognized attribute(s) '" + limit.getKey() + "'");
			}
			if (limit.getValue() < -1) {
				throw NetworkException.invalidInput("Invalid input for " + limit.getKey() + ". Reason: '"
						+ limit.getValue() + "' is too small - must be at least '-1'.");
			}
			if (checkLimit) {
				long used = this.store.count(projectId, limit.getKey());
				if (limit.getValue() >= 0 && used > limit.getValue()) {
					throw NetworkException.badRequest("Quota limit " + limit.getValue() + " for " + limit.getKey()
							+ " must be greater than or equal to already used " + used);
				}
			}
		}
		limits.forEach((resource, limit) -> this.store.setLimit(projectId, resource, limit));
		return limits(projectId);
	}

	/** Back to the defaults (admins only); a project without limits of its own is a 404, as in Neutron. */
	@Transactional
	public void reset(RequestContext context, String projectId) {
		checkAdmin(context, "delete_quota");
		if (this.store.deleteLimits(projectId) == 0) {
			throw new NetworkException(NetworkException.Kind.NOT_FOUND, "TenantQuotaNotFound",
					"Quota for tenant " + projectId + " could not be found.");
		}
	}

	/**
	 * Admits one more {@code resource} of the project, or refuses with Neutron's 409
	 * {@code OverQuota}. Must run in the transaction that inserts the resource: the
	 * project's lock is held until it ends. An unlimited resource ({@code -1}) has no last
	 * unit to race for: it is admitted without the lock and without counting.
	 * @return the database's time of the transaction, read with the limit, for the rows the
	 * caller writes
	 */
	public Instant checkCreate(String projectId, String resource) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("A quota check must run in the creating transaction.");
		}
		QuotaStore.OwnLimit own = this.store.limit(projectId, resource);
		int limit = (own.hardLimit() != null) ? own.hardLimit() : defaults().get(resource);
		if (limit < 0) {
			return own.now();
		}
		lock(projectId);
		if (this.store.count(projectId, resource) + 1 > limit) {
			throw NetworkException.conflict("OverQuota", "Quota exceeded for resources: ['" + resource + "'].");
		}
		return own.now();
	}

	// the project's row exists after its first create: lock first, insert only when missing
	private void lock(String projectId) {
		if (this.store.lockProject(projectId)) {
			return;
		}
		this.store.ensureProject(projectId);
		if (!this.store.lockProject(projectId)) {
			throw new IllegalStateException("The quota lock row of project " + projectId + " is missing.");
		}
	}

	private Map<String, Integer> limits(String projectId) {
		Map<String, Integer> limits = defaults();
		limits.putAll(this.store.limits(projectId));
		return limits;
	}

	private static void checkRead(RequestContext context, String projectId) {
		if (!context.isAdmin() && !context.projectId().equals(projectId)) {
			throw NetworkException.forbidden(RULE_PREFIX + "get_quota is disallowed by policy");
		}
	}

	private static void checkAdmin(RequestContext context, String rule) {
		if (!context.isAdmin()) {
			throw NetworkException.forbidden(RULE_PREFIX + rule + " is disallowed by policy");
		}
	}

	/** One resource's {@code quota_details} entry. */
	public record Detail(int limit, long used, long reserved) {
	}

}

package dev.novaboot.compute.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.store.InstanceLifetimes;
import dev.novaboot.compute.store.InstanceLifetimes.Lifetime;
import dev.novaboot.service.record.DatabaseClock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Usage of the cloud over a period (Nova's simple tenant usage): for each instance that ran
 * in it, the hours it ran within it, and per project the sums of those hours weighted by
 * the instances' vcpus, memory and disk. Deleted instances count for the time they lived.
 */
@Service
public class UsageReports {

	private static final double SECONDS_PER_HOUR = 3600.0;

	private final InstanceLifetimes lifetimes;

	private final DatabaseClock clock;

	UsageReports(InstanceLifetimes lifetimes, DatabaseClock clock) {
		this.lifetimes = lifetimes;
		this.clock = clock;
	}

	/**
	 * The usage of {@code project} (every project's when null) from {@code start} to
	 * {@code stop} (null is now; no later than now), a page of at most {@code limit}
	 * instances after the instance {@code marker}.
	 * @throws MarkerNotFoundException if there is no such instance
	 * @throws IllegalArgumentException if the period does not start before it stops
	 */
	@Transactional(readOnly = true)
	public Report report(String project, Instant start, Instant stop, String marker, int limit) {
		Instant now = this.clock.now();
		Instant begin = (start != null) ? start : now;
		Instant until = (stop != null) ? stop : now;
		if (!begin.isBefore(until)) {
			throw new IllegalArgumentException("Invalid start time. The start time cannot occur after the end time.");
		}
		Instant end = until.isAfter(now) ? now : until;
		String afterProject = null;
		if (marker != null) {
			afterProject = this.lifetimes.projectOf(marker).orElseThrow(() -> new MarkerNotFoundException(marker));
		}
		Map<String, ProjectUsage> projects = new LinkedHashMap<>();
		List<ServerUsage> servers = new ArrayList<>();
		for (Lifetime lifetime : this.lifetimes.activeBetween(begin, end, project, afterProject, marker, limit)) {
			double hours = hours(lifetime, begin, end);
			Instant ended = (lifetime.terminatedAt() != null) ? lifetime.terminatedAt() : now;
			ServerUsage server = new ServerUsage(lifetime.uuid(), lifetime.name(), lifetime.projectId(),
					lifetime.flavorName(), hours, lifetime.vcpus(), lifetime.memoryMb(), lifetime.rootGb(),
					lifetime.launchedAt(), lifetime.terminatedAt(),
					(lifetime.terminatedAt() != null) ? "terminated" : lifetime.vmState(),
					Duration.between(lifetime.launchedAt(), ended).toSeconds());
			servers.add(server);
			projects.computeIfAbsent(lifetime.projectId(), (id) -> new ProjectUsage(id, new ArrayList<>()))
				.servers()
				.add(server);
		}
		return new Report(begin, end, List.copyOf(projects.values()), servers);
	}

	// the hours of the period the instance ran
	private static double hours(Lifetime lifetime, Instant start, Instant stop) {
		if (lifetime.launchedAt() == null) {
			return 0;
		}
		Instant from = lifetime.launchedAt().isAfter(start) ? lifetime.launchedAt() : start;
		Instant to = (lifetime.terminatedAt() != null && lifetime.terminatedAt().isBefore(stop))
				? lifetime.terminatedAt() : stop;
		return Math.max(0, Duration.between(from, to).toMillis()) / 1000.0 / SECONDS_PER_HOUR;
	}

	/** The report of a period: per project, and every server of the page in order. */
	public record Report(Instant start, Instant stop, List<ProjectUsage> projects, List<ServerUsage> servers) {
	}

	/** A project's servers in the period, with the sums Nova gives. */
	public record ProjectUsage(String projectId, List<ServerUsage> servers) {

		public double totalHours() {
			return this.servers.stream().mapToDouble(ServerUsage::hours).sum();
		}

		public double totalVcpusUsage() {
			return this.servers.stream().mapToDouble((server) -> server.vcpus() * server.hours()).sum();
		}

		public double totalMemoryMbUsage() {
			return this.servers.stream().mapToDouble((server) -> server.memoryMb() * server.hours()).sum();
		}

		public double totalLocalGbUsage() {
			return this.servers.stream().mapToDouble((server) -> server.localGb() * server.hours()).sum();
		}

	}

	/** One server's use of the period. */
	public record ServerUsage(String instanceId, String name, String projectId, String flavor, double hours,
			int vcpus, int memoryMb, int localGb, Instant startedAt, Instant endedAt, String state,
			long uptimeSeconds) {
	}

}

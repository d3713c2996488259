package dev.novaboot.volume.manager;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.volume.driver.VolumeDriver.Capacity;
import dev.novaboot.volume.VolumeProperties;
import dev.novaboot.volume.driver.VolumeDriver;
import dev.novaboot.volume.store.VolumeCapacity;
import dev.novaboot.volume.store.VolumeCapacityRepository;
import dev.novaboot.volume.store.VolumeRepository;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * The volume host's periodic capacity report (Cinder's {@code _report_driver_status}):
 * total and free space from the driver, allocated space and volume count from the
 * volumes of this host, written to {@code volume_capacities} for the schedulers and kept
 * for {@code /actuator/health}.
 */
@Component
public class CapacityReporter {

	private static final Log logger = LogFactory.getLog(CapacityReporter.class);

	private final VolumeDriver driver;

	private final VolumeRepository volumes;

	private final VolumeCapacityRepository capacities;

	private final ServiceIdentity identity;

	private final DatabaseClock clock;

	private final AtomicReference<Report> last = new AtomicReference<>();

	private final String backendName;

	private final SchedulerCandidates candidates;

	CapacityReporter(VolumeDriver driver, VolumeRepository volumes, VolumeCapacityRepository capacities,
			ServiceIdentity identity, DatabaseClock clock, VolumeProperties properties,
			SchedulerCandidates candidates) {
		this.candidates = candidates;
		this.driver = driver;
		// Cinder's volume_backend_name; a backend that names none reports its driver's name
		this.backendName = (properties.backendName() != null && !properties.backendName().isBlank())
				? properties.backendName() : driver.name();
		this.volumes = volumes;
		this.capacities = capacities;
		this.identity = identity;
		this.clock = clock;
	}

	/** Reports now; {@link VolumePeriodicTasks} also runs it every {@code nova.volume.capacity-report-interval}. */
	public Report report() {
		String host = this.identity.host();
		try {
			Capacity capacity = this.driver.capacity();
			long allocated = this.volumes.allocatedGb(host);
			int count = (int) this.volumes.countLiveByHost(host);
			// the schedulers of every host read the row: its time is the database's
			Instant now = this.clock.now();
			VolumeCapacity row = this.capacities.findById(host).orElseGet(() -> new VolumeCapacity(host));
			row.update(capacity.totalGb(), capacity.freeGb(), allocated, count, now);
			row.setBackendName(this.backendName);
			this.capacities.save(row);
			// this process's scheduler uses the new report at once
			this.candidates.forget();
			Report report = new Report(capacity.totalGb(), capacity.freeGb(), allocated, count, now, null);
			this.last.set(report);
			return report;
		}
		catch (RuntimeException ex) {
			logger.warn("Capacity report of host " + host + " failed: " + ex.getMessage());
			// not written anywhere, and the database may be what failed: this host's clock
			Report failed = new Report(0, 0, 0, 0, Instant.now(), ex.getMessage());
			this.last.set(failed);
			return failed;
		}
	}

	/** The last report, or {@code null} before the first. */
	public Report last() {
		return this.last.get();
	}

	/**
	 * One capacity report.
	 *
	 * @param totalGb the storage's size
	 * @param freeGb what is left for new volumes
	 * @param allocatedGb the sum of the sizes of this host's volumes
	 * @param volumeCount how many volumes this host holds
	 * @param reportedAt when
	 * @param error why the report failed, or {@code null}
	 */
	public record Report(long totalGb, long freeGb, long allocatedGb, int volumeCount, Instant reportedAt,
			String error) {
	}

}

package dev.novaboot.volume.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.volume.manager.VolumeScheduler.NoValidHostException;
import dev.novaboot.volume.store.FrozenBackends;
import dev.novaboot.volume.store.VolumeCapacity;
import dev.novaboot.volume.store.VolumeCapacityRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyIterable;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * What the scheduler remembers between new volumes: the volume services, the frozen
 * hosts and the capacity reports for a short time, but never a verdict on whether a
 * service is up.
 */
class SchedulerCandidatesTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final Duration DOWN_TIME = Duration.ofSeconds(60);

	private final ServiceRecordRepository services = mock(ServiceRecordRepository.class);

	private final DatabaseClock clock = mock(DatabaseClock.class);

	private final VolumeCapacityRepository capacities = mock(VolumeCapacityRepository.class);

	private final FrozenBackends frozen = mock(FrozenBackends.class);

	private final ServiceGroup group = new ServiceGroup(this.services, this.clock, DOWN_TIME);

	private final AtomicLong nanos = new AtomicLong();

	private final List<ServiceRecord> up = new ArrayList<>();

	private final List<VolumeCapacity> reports = new ArrayList<>();

	@BeforeEach
	void tables() {
		given(this.clock.now()).willReturn(NOW);
		given(this.services.findUpByTopic("volume", DOWN_TIME.toMillis())).willAnswer((call) -> List.copyOf(this.up));
		given(this.capacities.findAllById(anyIterable())).willAnswer((call) -> List.copyOf(this.reports));
		given(this.frozen.hosts()).willReturn(Set.of());
	}

	private SchedulerCandidates candidates(Duration ttl) {
		return new SchedulerCandidates(this.group, this.capacities, this.frozen, this.clock, ttl, this.nanos::get);
	}

	private VolumeScheduler scheduler(SchedulerCandidates candidates) {
		return new VolumeScheduler(this.group, candidates);
	}

	/** A volume host whose last heartbeat was at {@code heartbeat} and that reports {@code freeGb}. */
	private void host(String host, Instant heartbeat, long freeGb) {
		this.up.add(new ServiceRecord(host, "nova-volume", "volume", "nova", 1, heartbeat));
		VolumeCapacity report = new VolumeCapacity(host);
		report.update(freeGb, freeGb, 0, 0, heartbeat);
		this.reports.add(report);
	}

	private void elapse(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

	private void verifyReadings(int times) {
		verify(this.services, times(times)).findUpByTopic("volume", DOWN_TIME.toMillis());
		verify(this.frozen, times(times)).hosts();
		verify(this.capacities, times(times)).findAllById(anyIterable());
		verify(this.clock, times(times)).now();
	}

	@Test
	void withinTheTtlTheTablesAndTheClockAreReadOnce() {
		host("host-a", NOW, 100);
		VolumeScheduler scheduler = scheduler(candidates(Duration.ofSeconds(1)));
		for (int i = 0; i < 5; i++) {
			assertThat(scheduler.selectHost(1, null)).isEqualTo("host-a");
			elapse(Duration.ofMillis(100));
		}
		verifyReadings(1);
		elapse(Duration.ofSeconds(1));
		scheduler.selectHost(1, null);
		verifyReadings(2);
	}

	@Test
	void aRememberedHostWhoseHeartbeatStoppedIsNotChosen() {
		// host-a has the most space, but its last heartbeat turns too old 300 ms from now
		host("host-a", NOW.minus(DOWN_TIME).plusMillis(300), 1_000);
		host("host-b", NOW, 10);
		VolumeScheduler scheduler = scheduler(candidates(Duration.ofSeconds(1)));
		assertThat(scheduler.selectHost(1, null)).isEqualTo("host-a");
		elapse(Duration.ofMillis(400));

		assertThat(scheduler.selectHost(1, null)).isEqualTo("host-b");
		verifyReadings(1);
	}

	@Test
	void whenEveryRememberedHostsHeartbeatStoppedNoHostIsFound() {
		host("host-a", NOW.minus(DOWN_TIME).plusMillis(300), 1_000);
		VolumeScheduler scheduler = scheduler(candidates(Duration.ofSeconds(1)));
		scheduler.selectHost(1, null);
		elapse(Duration.ofMillis(400));

		assertThatExceptionOfType(NoValidHostException.class).isThrownBy(() -> scheduler.selectHost(1, null))
			.withMessageContaining("no volume service is up");
	}

	@Test
	void aFreezeIsSeenOnceTheTtlHasPassed() {
		host("host-a", NOW, 1_000);
		host("host-b", NOW, 10);
		VolumeScheduler scheduler = scheduler(candidates(Duration.ofSeconds(1)));
		scheduler.selectHost(1, null);
		given(this.frozen.hosts()).willReturn(Set.of("host-a"));
		elapse(Duration.ofSeconds(1));

		assertThat(scheduler.selectHost(1, null)).isEqualTo("host-b");
	}

	@Test
	void aForgottenReadingIsReadAgainAtTheNextVolume() {
		host("host-a", NOW, 1_000);
		host("host-b", NOW, 10);
		SchedulerCandidates candidates = candidates(Duration.ofSeconds(1));
		VolumeScheduler scheduler = scheduler(candidates);
		scheduler.selectHost(1, null);
		given(this.frozen.hosts()).willReturn(Set.of("host-a"));
		candidates.forget();

		assertThat(scheduler.selectHost(1, null)).isEqualTo("host-b");
		verifyReadings(2);
	}

	@Test
	void aNewCapacityReportIsUsedOnceTheTtlHasPassed() {
		host("host-a", NOW, 10);
		VolumeScheduler scheduler = scheduler(candidates(Duration.ofSeconds(1)));
		assertThatExceptionOfType(NoValidHostException.class).isThrownBy(() -> scheduler.selectHost(20, null))
			.withMessageContaining("20 GiB free");
		this.reports.get(0).update(100, 100, 0, 0, NOW);
		elapse(Duration.ofSeconds(1));

		assertThat(scheduler.selectHost(20, null)).isEqualTo("host-a");
	}

	@Test
	void aZeroTtlReadsTheTablesForEveryVolume() {
		host("host-a", NOW, 100);
		VolumeScheduler scheduler = scheduler(candidates(Duration.ZERO));
		scheduler.selectHost(1, null);
		scheduler.selectHost(1, null);

		verifyReadings(2);
	}

}

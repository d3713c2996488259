package dev.novaboot.service.rpc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * What a sender remembers of the services table between messages: a service's row for
 * a short time, but never a verdict on whether the service is up.
 */
class RpcTargetCacheTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final Duration DOWN_TIME = Duration.ofSeconds(60);

	private static final RpcAddress HOST_B = RpcAddress.host("sample", "host-b");

	private final ServiceRecordRepository repository = mock(ServiceRecordRepository.class);

	private final DatabaseClock clock = mock(DatabaseClock.class);

	private final ServiceGroup group = new ServiceGroup(this.repository, this.clock, DOWN_TIME);

	private final AtomicLong nanos = new AtomicLong();

	@BeforeEach
	void databaseClock() {
		given(this.clock.now()).willReturn(NOW);
	}

	private RpcTargetCache cache(Duration ttl) {
		RpcTargets targets = new RpcTargets(this.repository, this.group, this.clock, new LeastRecentlyUsedChooser());
		return new RpcTargetCache(targets, this.group, this.clock, ttl, this.nanos::get);
	}

	private void row(ServiceRecord service) {
		given(this.repository.findFirstByTopicAndHostOrderByIdAsc("sample", service.getHost()))
			.willReturn(Optional.of(service));
	}

	private static ServiceRecord heartbeatAt(String host, Instant at) {
		return new ServiceRecord(host, "nova-sample", "sample", "nova", 1, at);
	}

	private void elapse(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

	@Test
	void withinTheTtlAHostIsReadOnceFromTheTableAndTheClock() {
		row(heartbeatAt("host-b", NOW));
		RpcTargetCache cache = cache(Duration.ofSeconds(1));
		for (int i = 0; i < 5; i++) {
			assertThat(cache.upHostService(HOST_B, "greet").getHost()).isEqualTo("host-b");
			elapse(Duration.ofMillis(100));
		}
		verify(this.repository, times(1)).findFirstByTopicAndHostOrderByIdAsc("sample", "host-b");
		verify(this.clock, times(1)).now();
		elapse(Duration.ofSeconds(1));
		cache.upHostService(HOST_B, "greet");
		verify(this.repository, times(2)).findFirstByTopicAndHostOrderByIdAsc("sample", "host-b");
	}

	@Test
	void aHeartbeatThatGrowsTooOldIsSeenAtOnceEvenFromARememberedRow() {
		row(heartbeatAt("host-b", NOW.minus(DOWN_TIME).plusMillis(300)));
		RpcTargetCache cache = cache(Duration.ofSeconds(1));
		cache.upHostService(HOST_B, "greet");
		elapse(Duration.ofMillis(400));
		assertThatExceptionOfType(HostDownException.class).isThrownBy(() -> cache.upHostService(HOST_B, "greet"))
			.withMessageContaining("no heartbeat since");
		verify(this.repository, times(1)).findFirstByTopicAndHostOrderByIdAsc("sample", "host-b");
	}

	@Test
	void aHostForcedDownIsRefusedOnceTheTtlHasPassed() {
		row(heartbeatAt("host-b", NOW));
		RpcTargetCache cache = cache(Duration.ofSeconds(1));
		cache.upHostService(HOST_B, "greet");
		ServiceRecord forced = heartbeatAt("host-b", NOW);
		forced.setForcedDown(true);
		row(forced);
		elapse(Duration.ofSeconds(1));
		assertThatExceptionOfType(HostDownException.class).isThrownBy(() -> cache.upHostService(HOST_B, "greet"))
			.withMessageContaining("forced down");
	}

	@Test
	void aForgottenHostIsReadAgainAtTheNextMessage() {
		row(heartbeatAt("host-b", NOW));
		RpcTargetCache cache = cache(Duration.ofSeconds(1));
		cache.upHostService(HOST_B, "greet");
		cache.forget("sample", "host-b");
		cache.upHostService(HOST_B, "greet");
		verify(this.repository, times(2)).findFirstByTopicAndHostOrderByIdAsc("sample", "host-b");
	}

	@Test
	void anUnknownHostIsNeverRemembered() {
		given(this.repository.findFirstByTopicAndHostOrderByIdAsc(anyString(), anyString())).willReturn(Optional.empty());
		RpcTargetCache cache = cache(Duration.ofSeconds(1));
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(NoSuchHostException.class).isThrownBy(() -> cache.upHostService(HOST_B, "greet"));
		}
		verify(this.repository, times(2)).findFirstByTopicAndHostOrderByIdAsc("sample", "host-b");
	}

	@Test
	void aZeroTtlReadsTheTableForEveryMessage() {
		row(heartbeatAt("host-b", NOW));
		RpcTargetCache cache = cache(Duration.ZERO);
		cache.upHostService(HOST_B, "greet");
		cache.upHostService(HOST_B, "greet");
		verify(this.repository, times(2)).findFirstByTopicAndHostOrderByIdAsc("sample", "host-b");
	}

	@Test
	void theRememberedServicesOfATopicLoseThoseWhoseHeartbeatGrowsTooOld() {
		ServiceRecord fresh = heartbeatAt("host-a", NOW);
		ServiceRecord ageing = heartbeatAt("host-b", NOW.minus(DOWN_TIME).plusMillis(300));
		ReflectionTestUtils.setField(fresh, "id", 1L);
		ReflectionTestUtils.setField(ageing, "id", 2L);
		// the window of up services the database answers (RpcTargets.upServices)
		given(this.repository.findUpByTopicAfter(eq("sample"), anyLong(), eq(0L), anyInt()))
			.willReturn(List.of(fresh, ageing));
		RpcTargetCache cache = cache(Duration.ofSeconds(1));
		assertThat(cache.upServices("sample")).containsExactly(fresh, ageing);
		elapse(Duration.ofMillis(400));
		assertThat(cache.upServices("sample")).containsExactly(fresh);
		verify(this.repository, times(1)).findUpByTopicAfter(eq("sample"), anyLong(), anyLong(), anyInt());
	}

}

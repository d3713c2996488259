package dev.novaboot.volume.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.SnapshotCreate;
import dev.novaboot.service.rpc.api.VolumeCreate;
import dev.novaboot.service.rpc.api.VolumeRpcApi.VolumeRef;
import dev.novaboot.volume.VolumeAppTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two callers changing one volume at the same moment: one wins, the other is refused
 * with a clear error (its status no longer allows it, or a concurrent change), never an
 * unexpected failure, and never a snapshot of a deleted volume.
 */
@VolumeAppTest
class ConcurrentVolumeChangesTests {

	static final RequestContext CONTEXT = new RequestContext("req-c", "cleo", "project-concurrent", Set.of("member"));

	static final int ROUNDS = 20;

	@Autowired
	VolumeManager manager;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aSnapshotRacingADeleteNeverOutlivesItsVolume() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				String id = create();
				List<Object> outcomes = race(pool, () -> {
					this.manager.deleteVolume(CONTEXT, new VolumeRef(id));
					return "deleted";
				}, () -> this.manager.createSnapshot(CONTEXT,
						new SnapshotCreate(UUID.randomUUID().toString(), id, null, null, false)));
				assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome).isNotInstanceOf(Throwable.class)
					.isNotEqualTo("unexpected"));
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM snapshots s JOIN volumes v ON v.id = s.volume_id "
				+ "WHERE s.deleted = 0 AND v.deleted <> 0", Integer.class))
			.isZero();
	}

	@Test
	void twoDeletesOfOneVolumeEndWithOneDeletedVolume() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				String id = create();
				Callable<Object> delete = () -> {
					this.manager.deleteVolume(CONTEXT, new VolumeRef(id));
					return "deleted";
				};
				List<Object> outcomes = race(pool, delete, delete);
				assertThat(outcomes).contains("deleted").doesNotContain("unexpected");
				assertThat(this.jdbc.queryForObject("SELECT status FROM volumes WHERE id = ?", String.class, id))
					.isEqualTo("deleted");
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private String create() {
		return this.manager
			.createVolume(CONTEXT, new VolumeCreate(UUID.randomUUID().toString(), 1, null, null, null, null))
			.id();
	}

	/** Runs both at once; a refusal the API turns into a 4xx counts as "refused". */
	private static List<Object> race(ExecutorService pool, Callable<Object> first, Callable<Object> second)
			throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Object>> futures = new ArrayList<>();
		for (Callable<Object> task : List.of(first, second)) {
			futures.add(pool.submit(() -> {
				start.await();
				try {
					return task.call();
				}
				catch (InvalidVolumeException | VolumeNotFoundException | OptimisticLockingFailureException ex) {
					return "refused";
				}
				catch (RuntimeException ex) {
					return "unexpected";
				}
			}));
		}
		start.countDown();
		List<Object> outcomes = new ArrayList<>();
		for (Future<Object> future : futures) {
			outcomes.add(future.get());
		}
		return outcomes;
	}

}

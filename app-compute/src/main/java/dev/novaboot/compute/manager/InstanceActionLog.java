package dev.novaboot.compute.manager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import dev.novaboot.compute.store.InstanceActionEventRecord;
import dev.novaboot.compute.store.InstanceActionEventRepository;
import dev.novaboot.compute.store.InstanceActionRecord;
import dev.novaboot.compute.store.InstanceActionRepository;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.record.DatabaseClock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What was done to each server (Nova's instance actions): the API records an action per
 * user request, under the request's id; the compute host records each step it takes for
 * it as an event ({@code compute_<method>}) with its result. Both are written in
 * transactions of their own, so that a step that fails is still recorded as failed.
 */
@Service
public class InstanceActionLog {

	private final InstanceActionRepository actions;

	private final InstanceActionEventRepository events;

	private final DatabaseClock clock;

	private final TransactionTemplate ownTransaction;

	InstanceActionLog(InstanceActionRepository actions, InstanceActionEventRepository events, DatabaseClock clock,
			PlatformTransactionManager transactions) {
		this.actions = actions;
		this.events = events;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Records that the caller asked for {@code action} (Nova's words: {@code reboot}, {@code confirmResize}...). */
	public void start(RequestContext context, String instanceUuid, String action) {
		this.ownTransaction.executeWithoutResult((status) -> this.actions.save(new InstanceActionRecord(action,
				instanceUuid, context.requestId(), context.userId(), context.projectId(), this.clock.now())));
	}

	/**
	 * Runs a step of the action the request began on {@code host}, recorded as
	 * {@code event} with its result; a step of a request that began no action (a periodic
	 * task's) just runs.
	 */
	public <T> T event(RequestContext context, String instanceUuid, String event, String host, Supplier<T> step) {
		Optional<InstanceActionEventRecord> begun = begin(context, instanceUuid, event, host);
		if (begun.isEmpty()) {
			return step.get();
		}
		try {
			T result = step.get();
			finish(begun.get(), InstanceActionEventRecord.SUCCESS, null);
			return result;
		}
		catch (RuntimeException | Error ex) {
			finish(begun.get(), InstanceActionEventRecord.ERROR, ex.toString());
			throw ex;
		}
	}

	/** {@link #event(RequestContext, String, String, String, Supplier)} of a step with no result. */
	public void event(RequestContext context, String instanceUuid, String event, String host, Runnable step) {
		event(context, instanceUuid, event, host, () -> {
			step.run();
			return null;
		});
	}

	/**
	 * Runs a step that reports its own outcome (true when it succeeded; a failed step has
	 * already put its server in a defined state), recorded as {@code event}.
	 */
	public void outcome(RequestContext context, String instanceUuid, String event, String host, BooleanSupplier step) {
		Optional<InstanceActionEventRecord> begun = begin(context, instanceUuid, event, host);
		boolean succeeded = false;
		try {
			succeeded = step.getAsBoolean();
		}
		finally {
			String result = succeeded ? InstanceActionEventRecord.SUCCESS : InstanceActionEventRecord.ERROR;
			begun.ifPresent((recorded) -> finish(recorded, result, null));
		}
	}

	@Transactional(readOnly = true)
	public List<InstanceActionRecord> actions(String instanceUuid) {
		return this.actions.findByInstanceUuidOrderByStartTimeDescIdDesc(instanceUuid);
	}

	@Transactional(readOnly = true)
	public Optional<InstanceActionRecord> action(String instanceUuid, String requestId) {
		return this.actions.findFirstByInstanceUuidAndRequestIdOrderByIdDesc(instanceUuid, requestId);
	}

	@Transactional(readOnly = true)
	public List<InstanceActionEventRecord> events(InstanceActionRecord action) {
		return this.events.findByActionIdOrderByStartTimeAscIdAsc(action.getId());
	}

	// the event of the action the request began; none for a request that began no action
	private Optional<InstanceActionEventRecord> begin(RequestContext context, String instanceUuid, String event,
			String host) {
		return this.ownTransaction.execute((status) -> this.actions
			.findFirstByInstanceUuidAndRequestIdOrderByIdDesc(instanceUuid, context.requestId())
			.map((action) -> this.events
				.save(new InstanceActionEventRecord(action.getId(), event, host, this.clock.now()))));
	}

	// the event just recorded knows its id and its action's: two targeted updates, no reads,
	// and one reading of the database's clock for both rows
	private void finish(InstanceActionEventRecord event, String result, String traceback) {
		this.ownTransaction.executeWithoutResult((status) -> {
			Instant now = this.clock.now();
			this.events.finish(event.getId(), result,
					(traceback != null && traceback.length() > 4000) ? traceback.substring(0, 4000) : traceback, now);
			if (InstanceActionEventRecord.ERROR.equals(result)) {
				this.actions.failed(event.getActionId(), now);
			}
			else {
				this.actions.finished(event.getActionId(), now);
			}
		});
	}

}

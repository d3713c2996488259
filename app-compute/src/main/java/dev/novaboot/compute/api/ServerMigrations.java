package dev.novaboot.compute.api;

import java.util.List;
import java.util.Optional;

import dev.novaboot.compute.manager.ComputeNodeQueries;
import dev.novaboot.compute.manager.InstanceAction;
import dev.novaboot.compute.manager.InstanceActionLog;
import dev.novaboot.compute.manager.InstanceStates;
import dev.novaboot.compute.manager.Migrations;
import dev.novaboot.compute.manager.NoValidHostException;
import dev.novaboot.compute.manager.Scheduler;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.MigrationRecord;
import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.NotFoundException;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.ComputeRpcApi;

import org.springframework.stereotype.Component;

/**
 * The API's (and Nova's conductor's) side of a cold migration: an admin's {@code migrate}
 * of an active or stopped server whose host is up, to a host the scheduler picks (never
 * the server's own: Nova's {@code ignore_hosts}) or, from 2.56, the one asked for; the
 * migration recorded, the destination's room claimed, {@code resize_instance} cast to the
 * source. As in Nova, no valid host is found after the 202: the action's
 * {@code conductor_migrate_server} event is its {@code Error}, the migration {@code error},
 * the server as it was. Confirm and revert of a migration go to its source and destination.
 */
@Component
class ServerMigrations {

	private final ServerOperations servers;

	private final InstanceStates states;

	private final Scheduler scheduler;

	private final ComputeNodeQueries nodes;

	private final Migrations migrations;

	private final InstanceActionLog actionLog;

	ServerMigrations(ServerOperations servers, InstanceStates states, Scheduler scheduler, ComputeNodeQueries nodes,
			Migrations migrations, InstanceActionLog actionLog) {
		this.servers = servers;
		this.states = states;
		this.scheduler = scheduler;
		this.nodes = nodes;
		this.migrations = migrations;
		this.actionLog = actionLog;
	}

	void migrate(RequestContext context, String uuid, String host) {
		Instance instance = this.servers.find(context, uuid);
		if (!context.isAdmin()) {
			throw new PolicyForbiddenException(
					"os_compute_api:os-migrate-server:migrate" + ((host != null) ? ":host" : ""));
		}
		this.servers.checkLock(context, instance);
		InstanceAction.MIGRATE.check(instance.getUuid(), instance.getVmState(), instance.getTaskState(),
				instance.getLaunchedAt());
		if (!this.servers.isHostUp(instance)) {
			throw new ConflictException("Service is unavailable at this time.");
		}
		if (host != null) {
			if (host.equals(instance.getHost())) {
				throw new BadRequestException("Cannot migrate to the host where the server exists.");
			}
			if (!this.nodes.isComputeHost(host)) {
				throw new BadRequestException("Compute host " + host + " could not be found.");
			}
		}
		this.states.begin(instance.getUuid(), InstanceAction.MIGRATE);
		this.servers.recordAction(context, instance, InstanceAction.MIGRATE);
		Optional<MigrationRecord> migration = schedule(context, instance, host);
		if (migration.isEmpty()) {
			return;
		}
		ComputeRpcApi.MigrateInstance cast = new ComputeRpcApi.MigrateInstance(instance.getUuid(),
				migration.get().getUuid());
		try {
			this.servers.hostOf(instance).resizeInstance(context, cast);
		}
		catch (RuntimeException ex) {
			endTask(instance);
			setStatus(migration.get(), "error");
			throw ex;
		}
	}

	// Nova's conductor: the destination chosen and claimed, recorded as the action's event
	private Optional<MigrationRecord> schedule(RequestContext context, Instance instance, String host) {
		try {
			return Optional.of(this.actionLog.event(context, instance.getUuid(), "conductor_migrate_server", null, () -> {
				String destination = this.scheduler.scheduleMove(instance, host);
				return this.migrations.record(instance, "migration", "pre-migrating", destination);
			}));
		}
		catch (NoValidHostException ex) {
			endTask(instance);
			this.migrations.record(instance, "migration", "error", null);
			return Optional.empty();
		}
	}

	/**
	 * Nova's evacuate of a server whose host is down: the target host must be a compute
	 * host (404 "Compute host <h> not found.") and not the server's own (400 "The target
	 * host can't be the same one."), {@code force} needs a host (400); the server active,
	 * stopped or in error with no task (409), its host down (400 "Compute service of <h>
	 * is still in use."). The evacuation is recorded ({@code accepted}), the task is
	 * {@code rebuilding}, the destination chosen and claimed (no valid host: the migration
	 * {@code error}, the server as it was, after the answer as in Nova) and the rebuild
	 * cast to it. No admin password is set or answered: this suite has no guest agent, as
	 * Nova with {@code enable_instance_password} off.
	 */
	void evacuate(RequestContext context, String uuid, ServerActionRequests.Evacuate request) {
		Instance instance = this.servers.find(context, uuid);
		if (!context.isAdmin()) {
			throw new PolicyForbiddenException("os_compute_api:os-evacuate");
		}
		if (request.force() && request.host() == null) {
			throw new BadRequestException("Can't force to a non-provided destination");
		}
		if (request.onSharedStorage() && request.adminPassGiven()) {
			throw new BadRequestException("admin password can't be changed on existing disk");
		}
		if (request.host() != null && !this.nodes.isComputeHost(request.host())) {
			throw new NotFoundException("Compute host " + request.host() + " not found.");
		}
		if (request.host() != null && request.host().equals(instance.getHost())) {
			throw new BadRequestException("The target host can't be the same one.");
		}
		InstanceAction.EVACUATE.check(instance.getUuid(), instance.getVmState(), instance.getTaskState());
		if (instance.getHost() == null) {
			throw new ConflictException("Instance " + instance.getUuid() + " has no host: it was never built.");
		}
		if (this.servers.isHostUp(instance)) {
			throw new BadRequestException("Compute service of " + instance.getHost() + " is still in use.");
		}
		this.states.begin(instance.getUuid(), InstanceAction.EVACUATE);
		this.servers.recordAction(context, instance, InstanceAction.EVACUATE);
		MigrationRecord migration = this.migrations.record(instance, "evacuation", "accepted", request.host());
		String destination;
		try {
			destination = this.actionLog.event(context, instance.getUuid(), "conductor_rebuild_server", null,
					() -> this.scheduler.scheduleMove(instance, request.host()));
		}
		catch (NoValidHostException ex) {
			endTask(instance, InstanceAction.EVACUATE);
			setStatus(migration, "error");
			return;
		}
		this.migrations.destination(migration, destination);
		ComputeRpcApi.RebuildInstance cast = new ComputeRpcApi.RebuildInstance(instance.getUuid(),
				instance.getImageRef(), instance.getImageRef(), migration.getUuid());
		try {
			this.servers.host(destination).rebuildInstance(context, cast);
		}
		catch (RuntimeException ex) {
			endTask(instance, InstanceAction.EVACUATE);
			setStatus(migration, "error");
			throw ex;
		}
	}

	/** The host a confirm goes to: a migration's source, else the server's own host. */
	ComputeRpcApi confirmHost(Instance instance) {
		return this.migrations.pending(instance.getUuid())
			.map((migration) -> this.servers.host(migration.getSourceCompute()))
			.orElseGet(() -> this.servers.hostOf(instance));
	}

	/** {@code GET /os-migrations}: every project's for an admin, filtered; newest first. */
	List<MigrationRecord> list(RequestContext context, MigrationFilters filters) {
		if (!context.isAdmin()) {
			throw new PolicyForbiddenException("os_compute_api:os-migrations:index");
		}
		return this.migrations.list(filters.instanceUuid(), filters.status(), filters.migrationType(), filters.host());
	}

	private void endTask(Instance instance) {
		endTask(instance, InstanceAction.MIGRATE);
	}

	private void endTask(Instance instance, InstanceAction action) {
		this.states.finish(instance.getUuid(), action.task(), instance.getVmState(), instance.getPowerState());
	}

	private void setStatus(MigrationRecord migration, String status) {
		this.migrations.mark(migration, status);
	}

	/** {@code GET /os-migrations}' query filters, {@code null} for any. */
	record MigrationFilters(String instanceUuid, String status, String migrationType, String host) {
	}

}

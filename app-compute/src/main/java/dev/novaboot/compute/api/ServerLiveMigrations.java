package dev.novaboot.compute.api;

import java.util.List;
import java.util.Optional;

import dev.novaboot.compute.manager.ComputeNodeQueries;
import dev.novaboot.compute.manager.InstanceAction;
import dev.novaboot.compute.manager.InstanceActionLog;
import dev.novaboot.compute.manager.InstanceInvalidStateException;
import dev.novaboot.compute.manager.InstanceStates;
import dev.novaboot.compute.manager.LiveMigrations;
import dev.novaboot.compute.manager.Migrations;
import dev.novaboot.compute.manager.NoValidHostException;
import dev.novaboot.compute.manager.Scheduler;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.MigrationRecord;
import dev.novaboot.compute.store.TaskState;
import dev.novaboot.compute.store.VmState;
import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.api.NotFoundException;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.ComputeRpcApi.MigrateInstance;

import org.springframework.stereotype.Component;

/**
 * The API's (and Nova's conductor's) side of a live migration: an admin's
 * {@code os-migrateLive} of an active or paused server with no task (409 otherwise), to a
 * compute host that exists (400 "Compute host <h> could not be found.") or the
 * scheduler's pick. The task is {@code migrating}, the action {@code live-migration}, the
 * migration recorded {@code accepted}; then the conductor's checks, as the action's
 * {@code conductor_live_migrate_instance} event: the source up, a requested host not the
 * source and up, a destination with room (claimed). A check that fails leaves the server
 * as it was, the migration {@code error}, and answers 400 before 2.34; from 2.34 (Nova's
 * asynchronous live migration) the answer is 202 and the failure shows in the migration
 * and the action only. Then {@code live_migration} is cast to the source.
 * <p>
 * {@code /servers/{id}/migrations} (2.23): the server's live migrations under way; an
 * abort (2.24) or force-complete (2.22) of a {@code running} one is cast to its source.
 */
@Component
class ServerLiveMigrations {

	private final ServerOperations servers;

	private final InstanceStates states;

	private final Scheduler scheduler;

	private final ComputeNodeQueries nodes;

	private final Migrations migrations;

	private final LiveMigrations liveMigrations;

	private final InstanceActionLog actionLog;

	ServerLiveMigrations(ServerOperations servers, InstanceStates states, Scheduler scheduler, ComputeNodeQueries nodes,
			Migrations migrations, LiveMigrations liveMigrations, InstanceActionLog actionLog) {
		this.servers = servers;
		this.states = states;
		this.scheduler = scheduler;
		this.nodes = nodes;
		this.migrations = migrations;
		this.liveMigrations = liveMigrations;
		this.actionLog = actionLog;
	}

	void liveMigrate(RequestContext context, String uuid, ServerActionRequests.LiveMigrate request,
			Microversion version) {
		Instance instance = this.servers.find(context, uuid);
		if (!context.isAdmin()) {
			throw new PolicyForbiddenException(
					"os_compute_api:os-migrate-server:migrate_live" + ((request.host() != null) ? ":host" : ""));
		}
		if (request.force() && request.host() == null) {
			throw new BadRequestException("Can't force to a non-provided destination");
		}
		this.servers.checkLock(context, instance);
		InstanceAction.LIVE_MIGRATE.check(instance.getUuid(), instance.getVmState(), instance.getTaskState());
		if (request.host() != null && !this.nodes.isComputeHost(request.host())) {
			throw new BadRequestException("Compute host " + request.host() + " could not be found.");
		}
		this.states.begin(instance.getUuid(), InstanceAction.LIVE_MIGRATE);
		this.actionLog.start(context, instance.getUuid(), "live-migration");
		MigrationRecord migration = this.migrations.record(instance, LiveMigrations.TYPE, "accepted", request.host());
		String destination;
		try {
			destination = this.actionLog.event(context, instance.getUuid(), "conductor_live_migrate_instance", null,
					() -> destination(instance, request.host()));
		}
		catch (BadRequestException ex) {
			endTask(instance);
			this.migrations.mark(migration, "error");
			if (version.isAtLeast(2, 34)) {
				return;
			}
			throw ex;
		}
		this.migrations.destination(migration, destination);
		try {
			this.servers.hostOf(instance)
				.liveMigration(context, new MigrateInstance(instance.getUuid(), migration.getUuid()));
		}
		catch (RuntimeException ex) {
			endTask(instance);
			this.migrations.mark(migration, "error");
			throw ex;
		}
	}

	// Nova's LiveMigrationTask checks, each a 400 when the answer waits for them
	private String destination(Instance instance, String host) {
		if (!this.servers.isHostUp(instance)) {
			throw new BadRequestException("Compute service of " + instance.getHost() + " is unavailable at this time.");
		}
		if (host != null) {
			if (host.equals(instance.getHost())) {
				throw new BadRequestException("Unable to migrate instance (" + instance.getUuid()
						+ ") to current host (" + host + ").");
			}
			if (!this.servers.isHostUp(host)) {
				throw new BadRequestException("Compute service of " + host + " is unavailable at this time.");
			}
		}
		try {
			return this.scheduler.scheduleMove(instance, host);
		}
		catch (NoValidHostException ex) {
			throw new BadRequestException(ex.getMessage());
		}
	}

	/** The server's live migrations under way (2.23, admin). */
	List<MigrationRecord> inProgress(RequestContext context, String uuid, Microversion version) {
		Instance instance = server(context, uuid, version, 23);
		admin(context, "index");
		return this.liveMigrations.inProgress(instance.getUuid());
	}

	/** One live migration under way of the server; 404 otherwise, with Nova's reasons. */
	MigrationRecord inProgress(RequestContext context, String uuid, String migrationId, Microversion version) {
		Instance instance = server(context, uuid, version, 23);
		admin(context, "show");
		MigrationRecord migration = migration(instance, migrationId).orElseThrow(() -> new NotFoundException(
				"In-progress live migration " + migrationId + " is not found for server " + uuid + "."));
		if (!LiveMigrations.TYPE.equals(migration.getMigrationType())) {
			throw new NotFoundException("Migration " + migrationId + " for server " + uuid + " is not live-migration.");
		}
		if (!LiveMigrations.IN_PROGRESS.contains(migration.getStatus())) {
			throw new NotFoundException("Live migration " + migrationId + " for server " + uuid + " is not in progress.");
		}
		return migration;
	}

	/** Nova's force complete (2.22): a {@code running} live migration of an active server. */
	void forceComplete(RequestContext context, String uuid, String migrationId, Microversion version) {
		if (!version.isAtLeast(2, 22)) {
			throw new NotFoundException("The resource could not be found.");
		}
		Instance instance = this.servers.find(context, uuid);
		admin(context, "force_complete");
		this.servers.checkLock(context, instance);
		if (instance.getVmState() != VmState.ACTIVE) {
			throw conflict("force_complete", instance, "vm_state", instance.getVmState().value());
		}
		if (instance.getTaskState() != TaskState.MIGRATING) {
			throw conflict("force_complete", instance, "task_state", String.valueOf(instance.getTaskState()));
		}
		MigrationRecord migration = migration(instance, migrationId).orElseThrow(() -> new BadRequestException(
				"Migration " + migrationId + " not found for instance " + uuid));
		if (!"running".equals(migration.getStatus())) {
			throw new BadRequestException(invalidMigrationState(migration, uuid, "force complete"));
		}
		this.actionLog.start(context, uuid, "live_migration_force_complete");
		this.servers.hostOf(instance).liveMigrationForceComplete(context,
				new MigrateInstance(uuid, migration.getUuid()));
	}

	/** Nova's abort (2.24, before 2.65 a {@code running} one only): cast to the source. */
	void abort(RequestContext context, String uuid, String migrationId, Microversion version) {
		Instance instance = server(context, uuid, version, 24);
		admin(context, "delete");
		this.servers.checkLock(context, instance);
		if (instance.getTaskState() != TaskState.MIGRATING) {
			throw conflict("abort live migration", instance, "task_state", String.valueOf(instance.getTaskState()));
		}
		MigrationRecord migration = migration(instance, migrationId).orElseThrow(() -> new NotFoundException(
				"Migration " + migrationId + " not found for instance " + uuid));
		if (!"running".equals(migration.getStatus())) {
			throw new BadRequestException(invalidMigrationState(migration, uuid, "abort live migration"));
		}
		this.actionLog.start(context, uuid, "live_migration_cancel");
		this.servers.hostOf(instance).liveMigrationAbort(context, new MigrateInstance(uuid, migration.getUuid()));
	}

	private Instance server(RequestContext context, String uuid, Microversion version, int minor) {
		if (!version.isAtLeast(2, minor)) {
			throw new NotFoundException("The resource could not be found.");
		}
		return this.servers.find(context, uuid);
	}

	private static void admin(RequestContext context, String rule) {
		if (!context.isAdmin()) {
			throw new PolicyForbiddenException("os_compute_api:servers:migrations:" + rule);
		}
	}

	// a migration id is Nova's integer: anything else names no migration
	private Optional<MigrationRecord> migration(Instance instance, String migrationId) {
		long id;
		try {
			id = Long.parseLong(migrationId);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		return this.liveMigrations.find(instance.getUuid(), id);
	}

	private static String invalidMigrationState(MigrationRecord migration, String uuid, String method) {
		return "Migration " + migration.getId() + " state of instance " + uuid + " is " + migration.getStatus()
				+ ". Cannot " + method + " while the migration is in this state.";
	}

	private static InstanceInvalidStateException conflict(String action, Instance instance, String attribute,
			String state) {
		return new InstanceInvalidStateException(action, instance.getUuid(), attribute, state);
	}

	private void endTask(Instance instance) {
		this.states.finish(instance.getUuid(), TaskState.MIGRATING, instance.getVmState(), instance.getPowerState());
	}

}

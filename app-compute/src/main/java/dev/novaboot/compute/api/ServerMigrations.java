package dev.novaboot.compute.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.novaboot.compute.manager.InstanceAction;
import dev.novaboot.compute.manager.InstanceActionLog;
import dev.novaboot.compute.manager.InstanceStates;
import dev.novaboot.compute.manager.Migrations;
import dev.novaboot.compute.manager.NoValidHostException;
import dev.novaboot.compute.manager.Scheduler;
import dev.novaboot.compute.store.ComputeNodeRepository;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.MigrationRecord;
import dev.novaboot.compute.store.MigrationRepository;
import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.record.DatabaseClock;
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

	private final ComputeNodeRepository nodes;

	private final MigrationRepository migrations;

	private final Migrations pending;

	private final InstanceActionLog actionLog;

	private final DatabaseClock clock;

	ServerMigrations(ServerOperations servers, InstanceStates states, Scheduler scheduler, ComputeNodeRepository nodes,
			MigrationRepository migrations, Migrations pending, InstanceActionLog actionLog, DatabaseClock clock) {
		this.servers = servers;
		this.states = states;
		this.scheduler = scheduler;
		this.nodes = nodes;
		this.migrations = migrations;
		this.pending = pending;
		this.actionLog = actionLog;
		this.clock = clock;
	}

	void migrate(RequestContext context, String uuid, String host) {
		if (!context.isAdmin()) {
			throw new PolicyForbiddenException(
					"os_compute_api:os-migrate-server:migrate" + ((host != null) ? ":host" : ""));
		}
		Instance instance = this.servers.find(context, uuid);
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
			if (!this.nodes.existsByHost(host)) {
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
				return this.migrations.save(new MigrationRecord(UUID.randomUUID().toString(), instance.getUuid(),
						"migration", "pre-migrating", instance.getHost(), destination, instance.getFlavorId(),
						instance.getProjectId(), instance.getUserId(), this.clock.now()));
			}));
		}
		catch (NoValidHostException ex) {
			endTask(instance);
			this.migrations.save(new MigrationRecord(UUID.randomUUID().toString(), instance.getUuid(), "migration",
					"error", instance.getHost(), null, instance.getFlavorId(), instance.getProjectId(),
					instance.getUserId(), this.clock.now()));
			return Optional.empty();
		}
	}

	/** The host a confirm goes to: a migration's source, else the server's own host. */
	ComputeRpcApi confirmHost(Instance instance) {
		return this.pending.pending(instance.getUuid())
			.map((migration) -> this.servers.host(migration.getSourceCompute()))
			.orElseGet(() -> this.servers.hostOf(instance));
	}

	/** {@code GET /os-migrations}: every project's for an admin, filtered; newest first. */
	List<MigrationRecord> list(RequestContext context, MigrationFilters filters) {
		if (!context.isAdmin()) {
			throw new PolicyForbiddenException("os_compute_api:os-migrations:index");
		}
		return this.migrations.filtered(filters.instanceUuid(), filters.status(), filters.migrationType(),
				filters.host(), filters.projectId());
	}

	private void endTask(Instance instance) {
		this.states.finish(instance.getUuid(), InstanceAction.MIGRATE.task(), instance.getVmState(),
				instance.getPowerState());
	}

	private void setStatus(MigrationRecord migration, String status) {
		migration.setStatus(status, this.clock.now());
		this.migrations.save(migration);
	}

	/** {@code GET /os-migrations}' query filters, {@code null} for any. */
	record MigrationFilters(String instanceUuid, String status, String migrationType, String host, String projectId) {
	}

}

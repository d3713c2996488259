package dev.novaboot.volume.manager;

import java.util.EnumSet;
import java.util.Set;

import dev.novaboot.volume.store.VolumeStatus;

import static dev.novaboot.volume.store.VolumeStatus.ATTACHING;
import static dev.novaboot.volume.store.VolumeStatus.AVAILABLE;
import static dev.novaboot.volume.store.VolumeStatus.DELETING;
import static dev.novaboot.volume.store.VolumeStatus.DETACHING;
import static dev.novaboot.volume.store.VolumeStatus.ERROR;
import static dev.novaboot.volume.store.VolumeStatus.ERROR_DELETING;
import static dev.novaboot.volume.store.VolumeStatus.ERROR_EXTENDING;
import static dev.novaboot.volume.store.VolumeStatus.EXTENDING;
import static dev.novaboot.volume.store.VolumeStatus.IN_USE;
import static dev.novaboot.volume.store.VolumeStatus.UPLOADING;

/**
 * What a caller may ask of an existing volume, the statuses in which it may ask it, and
 * the status the volume takes at once (the life cycle's only entry points; the manager
 * alone moves a volume out of a transitional status when the driver is done).
 */
public enum VolumeAction {

	DELETE("delete", EnumSet.of(AVAILABLE, ERROR, ERROR_DELETING, ERROR_EXTENDING), DELETING),

	EXTEND("extend", EnumSet.of(AVAILABLE), EXTENDING),

	RESERVE("reserve", EnumSet.of(AVAILABLE), ATTACHING),

	UNRESERVE("unreserve", EnumSet.of(ATTACHING), AVAILABLE),

	ATTACH("attach", EnumSet.of(ATTACHING, AVAILABLE), IN_USE),

	BEGIN_DETACHING("begin detaching", EnumSet.of(IN_USE), DETACHING),

	ROLL_DETACHING("roll back detaching", EnumSet.of(DETACHING), IN_USE),

	DETACH("detach", EnumSet.of(IN_USE, DETACHING), AVAILABLE),

	SNAPSHOT("snapshot", EnumSet.of(AVAILABLE), null),

	/** A snapshot of an attached volume, which the caller asked for with {@code force}. */
	SNAPSHOT_FORCED("snapshot", EnumSet.of(AVAILABLE, IN_USE), null),

	/** Cinder's {@code copy_volume_to_image}. */
	UPLOAD("upload", EnumSet.of(AVAILABLE), UPLOADING),

	/** An upload of an attached volume, asked for with {@code force} where the service allows it. */
	UPLOAD_FORCED("upload", EnumSet.of(AVAILABLE, IN_USE), UPLOADING),

	INITIALIZE_CONNECTION("initialize a connection to", EnumSet.of(AVAILABLE, ATTACHING, IN_USE), null),

	TERMINATE_CONNECTION("terminate a connection to", EnumSet.of(AVAILABLE, ATTACHING, IN_USE, DETACHING), null);

	private final String verb;

	private final Set<VolumeStatus> allowedFrom;

	private final VolumeStatus next;

	VolumeAction(String verb, Set<VolumeStatus> allowedFrom, VolumeStatus next) {
		this.verb = verb;
		this.allowedFrom = allowedFrom;
		this.next = next;
	}

	public boolean isAllowedFrom(VolumeStatus status) {
		return this.allowedFrom.contains(status);
	}

	public Set<VolumeStatus> allowedFrom() {
		return EnumSet.copyOf(this.allowedFrom);
	}

	/** The status the volume takes when the action starts; {@code null}: it keeps its status. */
	public VolumeStatus next() {
		return this.next;
	}

	public String verb() {
		return this.verb;
	}

}

package dev.novaboot.volume.manager;

/**
 * The parts of a Cinder user message ({@code cinder/message/message_field.py}): the
 * resource, what was being done ({@link Action}) and what went wrong ({@link Detail}),
 * each with Cinder's id and text. The event id and the text a user reads are built from
 * them as Cinder builds them.
 */
public final class MessageField {

	private MessageField() {
	}

	/** The kind of resource a message is about. */
	public enum Resource {

		VOLUME, VOLUME_SNAPSHOT, VOLUME_BACKUP

	}

	/** What was being done. */
	public enum Action {

		SCHEDULE_ALLOCATE_VOLUME("001", "schedule allocate volume"),

		ATTACH_VOLUME("002", "attach volume"),

		COPY_VOLUME_TO_IMAGE("003", "copy volume to image"),

		UPDATE_ATTACHMENT("004", "update attachment"),

		COPY_IMAGE_TO_VOLUME("005", "copy image to volume"),

		UNMANAGE_VOLUME("006", "unmanage volume"),

		EXTEND_VOLUME("007", "extend volume"),

		CREATE_VOLUME_FROM_BACKEND("008", "create volume from backend storage"),

		SNAPSHOT_CREATE("009", "create snapshot"),

		SNAPSHOT_DELETE("010", "delete snapshot"),

		SNAPSHOT_UPDATE("011", "update snapshot"),

		SNAPSHOT_METADATA_UPDATE("012", "update snapshot metadata"),

		BACKUP_CREATE("013", "create backup"),

		BACKUP_DELETE("014", "delete backup"),

		BACKUP_RESTORE("015", "restore backup"),

		REIMAGE_VOLUME("016", "reimage volume");

		private final String id;

		private final String text;

		Action(String id, String text) {
			this.id = id;
			this.text = text;
		}

		public String id() {
			return this.id;
		}

		/** Cinder's {@code translate_action}: the text of an id, {@code unknown action} for any other. */
		public static String textOf(String id) {
			for (Action action : values()) {
				if (action.id.equals(id)) {
					return action.text;
				}
			}
			return "unknown action";
		}

	}

	/** What went wrong. */
	public enum Detail {

		UNKNOWN_ERROR("001", "An unknown error occurred."),

		DRIVER_NOT_INITIALIZED("002", "Driver is not initialized at present."),

		NO_BACKEND_AVAILABLE("003", "Could not find any available weighted backend."),

		FAILED_TO_UPLOAD_VOLUME("004", "Failed to upload volume to image at backend."),

		VOLUME_ATTACH_MODE_INVALID("005", "Volume's attach mode is invalid."),

		QUOTA_EXCEED("006", "Not enough quota resource for operation."),

		NOT_ENOUGH_SPACE_FOR_IMAGE("007", "Image used for creating volume exceeds available space."),

		UNMANAGE_ENC_NOT_SUPPORTED("008", "Unmanaging encrypted volumes is not supported."),

		NOTIFY_COMPUTE_SERVICE_FAILED("009", "Compute service failed to extend volume."),

		DRIVER_FAILED_EXTEND("010", "Volume Driver failed to extend volume."),

		SIGNATURE_VERIFICATION_FAILED("011", "Image signature verification failed."),

		DRIVER_FAILED_CREATE("012", "Driver failed to create the volume."),

		SNAPSHOT_CREATE_ERROR("013", "Snapshot failed to create."),

		SNAPSHOT_UPDATE_METADATA_FAILED("014", "Volume snapshot update metadata failed."),

		SNAPSHOT_IS_BUSY("015", "Snapshot is busy."),

		SNAPSHOT_DELETE_ERROR("016", "Snapshot failed to delete."),

		BACKUP_INVALID_STATE("017", "Backup status is invalid."),

		BACKUP_SERVICE_DOWN("018", "Backup service is down."),

		BACKUP_CREATE_DEVICE_ERROR("019", "Failed to get backup device from the volume service."),

		BACKUP_CREATE_DRIVER_ERROR("020", "Backup driver failed to create backup."),

		ATTACH_ERROR("021", "Failed to attach volume."),

		DETACH_ERROR("022", "Failed to detach volume."),

		BACKUP_CREATE_CLEANUP_ERROR("023", "Cleanup of temporary volume/snapshot failed."),

		BACKUP_SCHEDULE_ERROR("024", "Backup failed to schedule. Service not found for creating backup."),

		BACKUP_DELETE_DRIVER_ERROR("025", "Backup driver failed to delete backup."),

		BACKUP_RESTORE_ERROR("026", "Backup driver failed to restore backup."),

		VOLUME_INVALID_STATE("027", "Volume status is invalid."),

		REIMAGE_VOLUME_FAILED("028", "Compute service failed to reimage volume."),

		IMAGE_FORMAT_UNACCEPTABLE("029", "The image disk format must be the same as the volume format for the volume type you are requesting."),

		INCREMENTAL_BACKUP_FORCES_FULL_BACKUP("030", "Incremental backup not possible, forcing full backup.");

		private final String id;

		private final String text;

		Detail(String id, String text) {
			this.id = id;
			this.text = text;
		}

		public String id() {
			return this.id;
		}

		/** Cinder's {@code translate_detail}: the text of an id, that of {@link #UNKNOWN_ERROR} for any other. */
		public static String textOf(String id) {
			for (Detail detail : values()) {
				if (detail.id.equals(id)) {
					return detail.text;
				}
			}
			return UNKNOWN_ERROR.text;
		}

	}

	/** Cinder's event id, {@code VOLUME_<resource>_<action id>_<detail id>}. */
	public static String eventId(Resource resource, Action action, Detail detail) {
		return "VOLUME_" + resource.name() + "_" + action.id() + "_" + detail.id();
	}

	/** The text a user reads, {@code "<action>:<detail>"}, as Cinder's messages API builds it. */
	public static String userMessage(String actionId, String detailId) {
		return Action.textOf(actionId) + ":" + Detail.textOf(detailId);
	}

}

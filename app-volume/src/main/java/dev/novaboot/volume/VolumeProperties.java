package dev.novaboot.volume;

import java.nio.file.Path;
import java.time.Duration;

import dev.novaboot.volume.driver.VolumeDriver;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * nova-volume's settings.
 *
 * @param driver the volume driver: {@code file}, {@code lvm} or {@code fake}
 * @param capacityReportInterval how often this host reports its capacity to the scheduler
 * @param file settings of the {@code file} driver
 * @param lvm settings of the {@code lvm} driver
 * @param fake settings of the {@code fake} driver
 * @param quota the default quotas of every project (Cinder's {@code quota_*} options)
 * @param backendName the {@code volume_backend_name} this host reports (Cinder's option of
 * that name), which volume types ask for in their extra spec; the driver's name if unset
 * @param imageConversionTimeout how long {@code qemu-img} may take to write an image into
 * a volume or a volume out as an image
 * @param messageTtl how long a user message is kept (Cinder's {@code message_ttl}) before
 * the periodic clean-up deletes it
 * @param messageReapInterval how often expired user messages are deleted (Cinder's
 * {@code message_reap_interval})
 * @param enableForceUpload whether {@code os-volume_upload_image} with {@code force}
 * uploads an {@code in-use} volume (Cinder's {@code enable_force_upload}; off, as there:
 * {@code force} is then ignored)
 * @param schedulerCacheTtl how long the scheduler reuses its reading of the volume services,
 * frozen hosts and capacity reports; whether a service is up is still decided at every
 * volume from its heartbeat, only a change of those rows is seen up to this much later;
 * {@code 0s} reads them for every volume
 */
@ConfigurationProperties("nova.volume")
public record VolumeProperties(@DefaultValue("file") VolumeDriver.Choice driver,
		@DefaultValue("60s") Duration capacityReportInterval, @DefaultValue File file, @DefaultValue Lvm lvm,
		@DefaultValue Fake fake, @DefaultValue Quota quota, String backendName,
		@DefaultValue("30m") Duration imageConversionTimeout, @DefaultValue("2592000s") Duration messageTtl,
		@DefaultValue("86400s") Duration messageReapInterval, @DefaultValue("false") boolean enableForceUpload,
		@DefaultValue("1s") Duration schedulerCacheTtl) {

	/**
	 * @param directory where the sparse volume files live
	 */
	public record File(@DefaultValue("./var/volumes") Path directory) {
	}

	/**
	 * @param volumeGroup the LVM volume group that holds the volumes
	 */
	public record Lvm(@DefaultValue("nova-volumes") String volumeGroup) {
	}

	/**
	 * @param totalGb the capacity the fake driver pretends to have
	 */
	public record Fake(@DefaultValue("1000") long totalGb) {
	}

	/**
	 * Default limits of a project, as Cinder's defaults; {@code -1} is unlimited.
	 *
	 * @param volumes volumes a project may have
	 * @param snapshots snapshots a project may have
	 * @param gigabytes GiB of volumes and snapshots a project may have
	 * @param perVolumeGigabytes the largest volume, in GiB
	 * @param backups backups a project may have (recorded; this service has no backups)
	 * @param backupGigabytes GiB of backups (recorded; this service has no backups)
	 * @param groups groups a project may have (recorded; this service has no groups)
	 */
	public record Quota(@DefaultValue("10") int volumes, @DefaultValue("10") int snapshots,
			@DefaultValue("1000") int gigabytes, @DefaultValue("-1") int perVolumeGigabytes,
			@DefaultValue("10") int backups, @DefaultValue("1000") int backupGigabytes,
			@DefaultValue("10") int groups) {
	}

}

package dev.novaboot.volume.manager;

import java.util.Map;

import dev.novaboot.service.rpc.api.SnapshotInfo;

/**
 * A snapshot as the Block Storage API shows it: what the volume host reports and its
 * user metadata.
 *
 * @param info the snapshot
 * @param metadata its user metadata
 */
public record SnapshotDetails(SnapshotInfo info, Map<String, String> metadata) {
}

package dev.novaboot.network.manager;

import java.util.List;

/**
 * What a deleted network had on its host, for tearing it down after the rows are gone.
 */
public record RemovedNetwork(String uuid, String bridge, Integer vlanId, String host, List<String> gatewayCidrs) {
}

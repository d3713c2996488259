package dev.novaboot.network.manager;

/**
 * What a caller asks for when creating a network; {@code null} means "not given".
 */
public record NetworkSpec(String projectId, String name, String description, Boolean adminStateUp, Boolean shared,
		Boolean external, String networkType, String physicalNetwork, Integer segmentationId) {

	public boolean hasProviderAttributes() {
		return this.networkType != null || this.physicalNetwork != null || this.segmentationId != null;
	}

}

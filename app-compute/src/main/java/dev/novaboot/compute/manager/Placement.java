package dev.novaboot.compute.manager;

/**
 * Where a user asked a server to go: into an availability zone, and among the servers of
 * a server group (by its policy); either may be null, for anywhere.
 */
public record Placement(String zone, String group) {

	/** No constraint: any host with room. */
	public static final Placement ANYWHERE = new Placement(null, null);

}

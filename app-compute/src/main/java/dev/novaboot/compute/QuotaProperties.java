package dev.novaboot.compute;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The default quota of every project (Nova's {@code [quota]} options, with Nova's
 * defaults); an admin sets a project's own through {@code os-quota-sets}. {@code -1} is
 * unlimited.
 *
 * @param instances servers
 * @param cores virtual CPUs of the servers
 * @param ram MiB of RAM of the servers
 * @param metadataItems metadata items per server
 * @param injectedFiles files injected per server
 * @param injectedFileContentBytes bytes per injected file
 * @param injectedFilePathLength characters of an injected file's path
 * @param keyPairs key pairs per user
 * @param serverGroups server groups
 * @param serverGroupMembers servers per server group
 */
@ConfigurationProperties("nova.quota")
public record QuotaProperties(@DefaultValue("10") int instances, @DefaultValue("20") int cores,
		@DefaultValue("51200") int ram, @DefaultValue("128") int metadataItems, @DefaultValue("5") int injectedFiles,
		@DefaultValue("10240") int injectedFileContentBytes, @DefaultValue("255") int injectedFilePathLength,
		@DefaultValue("100") int keyPairs, @DefaultValue("10") int serverGroups,
		@DefaultValue("10") int serverGroupMembers) {

}

package dev.novaboot.network.manager;

/**
 * What a caller asks for when creating a security group rule; {@code null} means "not
 * given". {@code protocol} is a name or a number 0 to 255 as written in the request.
 */
public record SecurityGroupRuleSpec(String securityGroupId, String projectId, String direction, String ethertype,
		String protocol, Integer portRangeMin, Integer portRangeMax, String remoteIpPrefix, String remoteGroupId,
		String description) {
}

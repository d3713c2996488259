package dev.novaboot.network.manager;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import dev.novaboot.network.store.ListFilters;
import dev.novaboot.network.store.ListOrder;
import dev.novaboot.network.store.PortSecurityGroup;
import dev.novaboot.network.store.PortSecurityGroupRepository;
import dev.novaboot.network.store.SecurityGroup;
import dev.novaboot.network.store.SecurityGroupRepository;
import dev.novaboot.network.store.SecurityGroupRule;
import dev.novaboot.network.store.SecurityGroupRuleRepository;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.record.DatabaseClock;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Security groups and their rules, as Neutron's security-group extension keeps them: a
 * default group per project (made on first use, with Neutron's default rules), rules
 * validated and made canonical as Neutron does, no duplicate rule in a group. What the
 * rules allow is enforced on the hosts through {@link PortFilters} and the driver.
 */
@Service
public class SecurityGroupService {

	static final String DEFAULT_NAME = "default";

	static final String DEFAULT_DESCRIPTION = "Default security group";

	/** neutron_lib.constants.IP_PROTOCOL_MAP: the protocol names a rule takes, with their numbers. */
	static final Map<String, Integer> PROTOCOLS = new TreeMap<>(Map.ofEntries(Map.entry("ah", 51),
			Map.entry("dccp", 33), Map.entry("egp", 8), Map.entry("esp", 50), Map.entry("gre", 47),
			Map.entry("hopopt", 0), Map.entry("icmp", 1), Map.entry("igmp", 2), Map.entry("ip", 0), Map.entry("ipip", 4),
			Map.entry("ipv6-encap", 41), Map.entry("ipv6-frag", 44), Map.entry("ipv6-icmp", 58), Map.entry("icmpv6", 58),
			Map.entry("ipv6-nonxt", 59), Map.entry("ipv6-opts", 60), Map.entry("ipv6-route", 43), Map.entry("ospf", 89),
			Map.entry("pgm", 113), Map.entry("rsvp", 46), Map.entry("sctp", 132), Map.entry("tcp", 6),
			Map.entry("udp", 17), Map.entry("udplite", 136), Map.entry("vrrp", 112)));

	// the protocols with ports (neutron.common._constants.SG_PORT_PROTO_NUMS)
	private static final Set<Integer> PORT_PROTOCOLS = Set.of(33, 132, 6, 17, 136);

	// the protocols only IPv6 has (_validate_ethertype_and_protocol)
	private static final Set<Integer> IPV6_PROTOCOLS = Set.of(41, 44, 58, 59, 60, 43);

	private final SecurityGroupRepository groups;

	private final SecurityGroupRuleRepository rules;

	private final PortSecurityGroupRepository ports;

	private final DatabaseClock clock;

	// the default group is made in a transaction of its own, so that a concurrent request
	// that made it first is seen (unique key on default_for_project) and the caller goes on
	private final TransactionTemplate tx;

	private final QuotaService quotas;

	public SecurityGroupService(SecurityGroupRepository groups, SecurityGroupRuleRepository rules,
			PortSecurityGroupRepository ports, DatabaseClock clock, TransactionTemplate tx, QuotaService quotas) {
		this.quotas = quotas;
		this.groups = groups;
		this.rules = rules;
		this.ports = ports;
		this.clock = clock;
		this.tx = new TransactionTemplate(Objects.requireNonNull(tx.getTransactionManager()));
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The project's default group, made on first use with Neutron's default rules: every
	 * egress, and ingress from the group's own members, for IPv4 and IPv6.
	 */
	public SecurityGroup ensureDefault(String projectId) {
		Optional<SecurityGroup> existing = this.groups.findByDefaultForProject(projectId);
		if (existing.isPresent()) {
			return existing.get();
		}
		try {
			return this.tx.execute((status) -> {
				Instant now = this.clock.now();
				SecurityGroup group = this.groups
					.saveAndFlush(new SecurityGroup(now, projectId, DEFAULT_NAME, DEFAULT_DESCRIPTION, true));
				for (String ethertype : List.of("IPv4", "IPv6")) {
					this.rules.save(new SecurityGroupRule(now, group.getId(), projectId, "ingress", ethertype, null, null,
							null, null, group.getId(), ""));
					this.rules.save(new SecurityGroupRule(now, group.getId(), projectId, "egress", ethertype, null, null,
							null, null, null, ""));
				}
				this.rules.flush();
				return group;
			});
		}
		catch (DataIntegrityViolationException ex) {
			// another request made it first
			return this.groups.findByDefaultForProject(projectId).orElseThrow(() -> ex);
		}
	}

	@Transactional
	public SecurityGroup create(RequestContext context, String projectId, String name, String description) {
		Access.checkWrite(context);
		String project = Access.owner(context, projectId);
		if (name != null && name.toLowerCase(Locale.ROOT).equals(DEFAULT_NAME)) {
			throw NetworkException.conflict("SecurityGroupDefaultAlreadyExists", "Default security group already exists.");
		}
		ensureDefault(project);
		this.quotas.checkCreate(project, "security_group");
		Instant now = this.clock.now();
		SecurityGroup group = this.groups.saveAndFlush(new SecurityGroup(now, project,
				(name != null) ? NetworkService.checkLength("name", name) : "",
				(description != null) ? NetworkService.checkLength("description", description) : "", false));
		// Neutron's template for groups other than the default: every egress
		for (String ethertype : List.of("IPv4", "IPv6")) {
			this.rules.save(new SecurityGroupRule(now, group.getId(), project, "egress", ethertype, null, null, null, null,
					null, ""));
		}
		this.rules.flush();
		return group;
	}

	public SecurityGroup find(RequestContext context, String uuid) {
		return this.groups.findByUuid(uuid)
			.filter((group) -> Access.canSee(context, group.getProjectId()))
			.orElseThrow(() -> groupNotFound(uuid));
	}

	/**
	 * A page of the groups the caller sees (after making the caller's default group, as
	 * Neutron's get_security_groups does), in {@code order}, after the row {@code afterId}.
	 */
	public List<SecurityGroup> list(RequestContext context, Map<String, List<String>> filters, ListOrder order,
			long afterId, int size) {
		if (afterId == 0) {
			ensureDefault(context.projectId());
		}
		Specification<SecurityGroup> rows = Specification.allOf(
				ListFilters.ordered(SecurityGroup.class, order, afterId, SecurityGroupRepository.sortValues()),
				SecurityGroupRepository.matching(filters));
		if (!context.isAdmin()) {
			rows = rows.and(SecurityGroupRepository.visibleTo(context.projectId()));
		}
		return this.groups.findBy(rows, (query) -> query.limit(size).all());
	}

	/** Name and description change; the default group keeps its name. */
	@Transactional
	public SecurityGroup update(RequestContext context, String uuid, String name, String description) {
		Access.checkWrite(context);
		SecurityGroup group = find(context, uuid);
		if (name != null) {
			if (group.isProjectDefault()) {
				throw NetworkException.conflict("SecurityGroupCannotUpdateDefault",
						"Updating default security group not allowed.");
			}
			if (name.toLowerCase(Locale.ROOT).equals(DEFAULT_NAME)) {
				throw NetworkException.conflict("SecurityGroupDefaultAlreadyExists",
						"Default security group already exists.");
			}
			group.setName(NetworkService.checkLength("name", name));
		}
		if (description != null) {
			group.setDescription(NetworkService.checkLength("description", description));
		}
		group.touch(this.clock.now());
		return this.groups.saveAndFlush(group);
	}

	/**
	 * Deletes a group with its rules, and the rules of other groups that name it as their
	 * remote group (as Neutron's foreign key does); only admins delete a default group.
	 */
	@Transactional
	public void delete(RequestContext context, String uuid) {
		Access.checkWrite(context);
		SecurityGroup group = find(context, uuid);
		if (group.isProjectDefault() && !context.isAdmin()) {
			throw NetworkException.conflict("SecurityGroupCannotRemoveDefault",
					"Insufficient rights for removing default security group.");
		}
		if (this.ports.existsBySecurityGroupId(group.getId())) {
			throw NetworkException.conflict("SecurityGroupInUse", "Security Group " + uuid + " in use.");
		}
		this.rules.deleteAll(this.rules.findByRemoteGroupId(group.getId()));
		this.rules.deleteAll(this.rules.findBySecurityGroupIdOrderById(group.getId()));
		this.rules.flush();
		this.groups.delete(group);
		this.groups.flush();
	}

	/**
	 * The groups a port of the project is put in: those asked for (the project's own, or
	 * any for an admin), or else the project's default group, none for a port of the
	 * network itself ({@code network:*} owners, trusted as in Neutron). Called before the
	 * port's transaction, as the default group is made in a transaction of its own.
	 */
	public List<Long> forPort(RequestContext context, String projectId, List<String> requested, String deviceOwner) {
		if (requested == null) {
			if (deviceOwner != null && deviceOwner.startsWith("network:")) {
				return List.of();
			}
			return List.of(ensureDefault(projectId).getId());
		}
		return requested.stream()
			.distinct()
			.map((uuid) -> this.groups.findByUuid(uuid)
				.filter((group) -> context.isAdmin() || group.getProjectId().equals(projectId))
				.orElseThrow(() -> groupNotFound(uuid))
				.getId())
			.toList();
	}

	/**
	 * {@link #forPort} without making anything, for a caller inside its own transaction
	 * (the default group is made in a transaction of its own): empty when the port would
	 * go in the project's default group and the project has none yet.
	 */
	Optional<List<Long>> existingForPort(RequestContext context, String projectId, List<String> requested,
			String deviceOwner) {
		if (requested == null && (deviceOwner == null || !deviceOwner.startsWith("network:"))) {
			return this.groups.findByDefaultForProject(projectId).map((group) -> List.of(group.getId()));
		}
		return Optional.of(forPort(context, projectId, requested, deviceOwner));
	}

	/**
	 * The ids of the project's groups named (or identified) as Nova's {@code
	 * security_groups} at boot names them; {@code default} is made on first use.
	 * @throws NetworkException 404 {@code SecurityGroupNotFound} for a name the project has
	 * not, 409 {@code NoUniqueMatch} for a name it has twice
	 */
	public List<String> byNames(RequestContext context, String projectId, List<String> names) {
		return names.stream().distinct().map((name) -> resolve(context, projectId, name).getUuid()).toList();
	}

	/**
	 * The project's group of this name or id, as Nova's {@code find_resourceid_by_name_or_id}
	 * finds it; {@code default} is made on first use.
	 * @throws NetworkException 404 {@code SecurityGroupNotFound} for a name the project has
	 * not, 409 {@code NoUniqueMatch} for a name it has twice
	 */
	public SecurityGroup resolve(RequestContext context, String projectId, String name) {
		return existing(context, projectId, name).orElseGet(() -> ensureDefault(projectId));
	}

	/**
	 * {@link #byNames} as the groups' ids, without making anything, for a caller inside its
	 * own transaction: empty when {@code default} is named and the project has no default
	 * group yet (it is made in a transaction of its own).
	 */
	Optional<List<Long>> existingByNames(RequestContext context, String projectId, List<String> names) {
		List<Long> ids = new ArrayList<>();
		for (String name : names.stream().distinct().toList()) {
			Optional<SecurityGroup> group = existing(context, projectId, name);
			if (group.isEmpty()) {
				return Optional.empty();
			}
			if (!ids.contains(group.get().getId())) {
				ids.add(group.get().getId());
			}
		}
		return Optional.of(ids);
	}

	// the group of this name or id; empty only for "default" when the project has none yet
	private Optional<SecurityGroup> existing(RequestContext context, String projectId, String name) {
		// a group's id is a random UUID: a name that is no UUID names no group by id
		Optional<SecurityGroup> byId = isUuid(name) ? this.groups.findByUuid(name)
			.filter((group) -> context.isAdmin() || group.getProjectId().equals(projectId)) : Optional.empty();
		if (byId.isPresent()) {
			return byId;
		}
		if (name.equals(DEFAULT_NAME)) {
			return this.groups.findByDefaultForProject(projectId);
		}
		List<SecurityGroup> named = this.groups.findByProjectIdAndNameOrderById(projectId, name);
		if (named.isEmpty()) {
			throw new NetworkException(NetworkException.Kind.NOT_FOUND, "SecurityGroupNotFound",
					"Security group " + name + " not found.");
		}
		if (named.size() > 1) {
			throw NetworkException.conflict("NoUniqueMatch",
					"Multiple security groups found matching '" + name + "'. Use an ID to be more specific.");
		}
		return Optional.of(named.get(0));
	}

	private static boolean isUuid(String name) {
		try {
			return UUID.fromString(name).toString().equalsIgnoreCase(name);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** Adds the group to the port's, unless the port has it; in the caller's transaction. */
	void addToPort(Long portId, SecurityGroup group) {
		boolean has = this.ports.findByPortIdOrderById(portId)
			.stream()
			.anyMatch((binding) -> binding.getSecurityGroupId().equals(group.getId()));
		if (!has) {
			this.ports.saveAndFlush(new PortSecurityGroup(portId, group.getId()));
		}
	}

	/**
	 * Takes the group off the port; in the caller's transaction.
	 * @return whether the port had it
	 */
	boolean removeFromPort(Long portId, SecurityGroup group) {
		List<Long> kept = new ArrayList<>();
		boolean had = false;
		for (PortSecurityGroup binding : this.ports.findByPortIdOrderById(portId)) {
			if (binding.getSecurityGroupId().equals(group.getId())) {
				had = true;
			}
			else {
				kept.add(binding.getSecurityGroupId());
			}
		}
		if (had) {
			bind(portId, kept);
		}
		return had;
	}

	/** Puts the port in exactly these groups; in the caller's transaction. */
	void bind(Long portId, List<Long> groupIds) {
		this.ports.deleteByPortId(portId);
		this.ports.flush();
		for (Long group : groupIds) {
			this.ports.save(new PortSecurityGroup(portId, group));
		}
		this.ports.flush();
	}

	/** Binds a port just inserted (in this transaction, so it has no bindings yet) to the groups. */
	void bindNew(Long portId, List<Long> groupIds) {
		for (Long group : groupIds) {
			this.ports.save(new PortSecurityGroup(portId, group));
		}
		this.ports.flush();
	}

	/** The groups of a port, as the API shows them (uuids). */
	public List<String> groupsOfPort(Long portId) {
		return this.ports.findByPortIdOrderById(portId).stream().map((b) -> groupUuid(b.getSecurityGroupId())).toList();
	}

	/** The groups of each of {@code portIds} as {@link #groupsOfPort} shows them, in two queries. */
	public Map<Long, List<String>> groupsOfPorts(Collection<Long> portIds) {
		if (portIds.isEmpty()) {
			return Map.of();
		}
		List<PortSecurityGroup> bindings = this.ports.findByPortIdInOrderById(portIds);
		Map<Long, String> uuids = new HashMap<>();
		this.groups.findAllById(bindings.stream().map(PortSecurityGroup::getSecurityGroupId).distinct().toList())
			.forEach((group) -> uuids.put(group.getId(), group.getUuid()));
		Map<Long, List<String>> groups = new HashMap<>();
		for (PortSecurityGroup binding : bindings) {
			groups.computeIfAbsent(binding.getPortId(), (port) -> new ArrayList<>())
				.add(uuids.get(binding.getSecurityGroupId()));
		}
		return groups;
	}

	public List<SecurityGroupRule> rulesOf(SecurityGroup group) {
		return this.rules.findBySecurityGroupIdOrderById(group.getId());
	}

	/** The uuid the API shows for a group's row ({@code null} for none). */
	public String groupUuid(Long groupId) {
		return (groupId != null) ? this.groups.findById(groupId).map(SecurityGroup::getUuid).orElse(null) : null;
	}

	@Transactional
	public SecurityGroupRule createRule(RequestContext context, SecurityGroupRuleSpec spec) {
		Access.checkWrite(context);
		String project = Access.owner(context, spec.projectId());
		if (spec.securityGroupId() == null) {
			throw NetworkException.badRequest(
					"Failed to parse request. Required attribute 'security_group_id' not specified");
		}
		if (spec.direction() == null) {
			throw NetworkException.badRequest("Failed to parse request. Required attribute 'direction' not specified");
		}
		if (!spec.direction().equals("ingress") && !spec.direction().equals("egress")) {
			throw NetworkException.invalidInput("Invalid input for direction. Reason: '" + spec.direction()
					+ "' is not in ['ingress', 'egress'].");
		}
		String ethertype = ethertype(spec.ethertype());
		String protocol = protocol(spec.protocol());
		// IPv6 ICMP spelled as IPv4's or legacy: the canonical name, as Neutron stores it
		if (ethertype.equals("IPv6") && protocol != null) {
			if (protocol.equals("icmp") || protocol.equals("icmpv6")) {
				protocol = "ipv6-icmp";
			}
			else if (protocol.equals("1")) {
				protocol = "58";
			}
		}
		Integer min = spec.portRangeMin();
		Integer max = spec.portRangeMax();
		for (Integer port : new Integer[] { min, max }) {
			if (port != null && (port < 0 || port > 65535)) {
				throw invalid("SecurityGroupInvalidPortValue", "Invalid value for port " + port);
			}
		}
		// the whole range is no range
		if (min != null && max != null && min == 1 && max == 65535) {
			min = null;
			max = null;
		}
		checkPorts(protocol, min, max);
		String prefix = remoteIpPrefix(spec.remoteIpPrefix(), ethertype);
		Integer number = protocolNumber(protocol);
		if (number != null && IPV6_PROTOCOLS.contains(number) && ethertype.equals("IPv4")) {
			throw invalid("SecurityGroupEthertypeConflictWithProtocol",
					"Invalid ethertype " + ethertype + " for protocol " + protocol + ".");
		}
		if (prefix != null && spec.remoteGroupId() != null) {
			throw invalid("SecurityGroupMultipleRemoteEntites",
					"Only one of remote_ip_prefix or remote_group_id or remote_address_group_id may be provided.");
		}
		SecurityGroup group = ownGroup(context, project, spec.securityGroupId());
		Long remote = (spec.remoteGroupId() != null) ? ownGroup(context, project, spec.remoteGroupId()).getId() : null;
		SecurityGroupRule rule = new SecurityGroupRule(this.clock.now(), group.getId(), project, spec.direction(),
				ethertype, protocol, min, max, prefix, remote,
				(spec.description() != null) ? NetworkService.checkLength("description", spec.description()) : "");
		for (SecurityGroupRule existing : this.rules.findBySecurityGroupIdOrderById(group.getId())) {
			if (sameRule(existing, rule)) {
				throw NetworkException.conflict("SecurityGroupRuleExists",
						"Security group rule already exists. Rule id is " + existing.getUuid() + ".");
			}
		}
		this.quotas.checkCreate(project, "security_group_rule");
		return this.rules.saveAndFlush(rule);
	}

	// a group the rule's project may add rules to (or name as remote): its own, any for an admin
	private SecurityGroup ownGroup(RequestContext context, String project, String uuid) {
		return this.groups.findByUuid(uuid)
			.filter((group) -> context.isAdmin() || group.getProjectId().equals(project))
			.orElseThrow(() -> groupNotFound(uuid));
	}

	public SecurityGroupRule findRule(RequestContext context, String uuid) {
		return this.rules.findByUuid(uuid)
			.filter((rule) -> Access.canSee(context, rule.getProjectId()) || this.groups.findById(rule.getSecurityGroupId())
				.map((group) -> Access.canSee(context, group.getProjectId()))
				.orElse(false))
			.orElseThrow(() -> new NetworkException(NetworkException.Kind.NOT_FOUND, "SecurityGroupRuleNotFound",
					"Security group rule " + uuid + " does not exist"));
	}

	public List<SecurityGroupRule> listRules(RequestContext context, Map<String, List<String>> filters, ListOrder order,
			long afterId, int size) {
		Specification<SecurityGroupRule> rows = Specification.allOf(
				ListFilters.ordered(SecurityGroupRule.class, order, afterId, SecurityGroupRuleRepository.sortValues()),
				SecurityGroupRuleRepository.matching(filters));
		if (!context.isAdmin()) {
			rows = rows.and(SecurityGroupRuleRepository.visibleTo(context.projectId()));
		}
		return this.rules.findBy(rows, (query) -> query.limit(size).all());
	}

	@Transactional
	public void deleteRule(RequestContext context, String uuid) {
		Access.checkWrite(context);
		this.rules.delete(findRule(context, uuid));
		this.rules.flush();
	}

	private static String ethertype(String requested) {
		if (requested == null) {
			return "IPv4";
		}
		for (String ethertype : List.of("IPv4", "IPv6")) {
			if (ethertype.equalsIgnoreCase(requested)) {
				return ethertype;
			}
		}
		throw invalid("SecurityGroupRuleInvalidEtherType", "Security group rule for ethertype '" + requested
				+ "' not supported. Allowed values are ['IPv4', 'IPv6'].");
	}

	// neutron's convert_protocol: None or "any" is any protocol; a number 0 to 255 or a known name
	private static String protocol(String requested) {
		if (requested == null || requested.equals("any")) {
			return null;
		}
		if (requested.matches("[0-9]{1,3}") && Integer.parseInt(requested) <= 255) {
			return requested;
		}
		String name = requested.toLowerCase(Locale.ROOT);
		if (PROTOCOLS.containsKey(name)) {
			return name;
		}
		throw invalid("SecurityGroupRuleInvalidProtocol", "Security group rule protocol " + requested
				+ " not supported. Only protocol values [None, 'any', " + String.join(", ",
						PROTOCOLS.keySet().stream().map((p) -> "'" + p + "'").toList())
				+ "] and integer representations [0 to 255] are supported.");
	}

	private static Integer protocolNumber(String protocol) {
		if (protocol == null) {
			return null;
		}
		return PROTOCOLS.containsKey(protocol) ? PROTOCOLS.get(protocol) : Integer.valueOf(protocol);
	}

	// neutron's _validate_port_range
	private static void checkPorts(String protocol, Integer min, Integer max) {
		if (min == null && max == null) {
			return;
		}
		if (protocol == null) {
			throw invalid("SecurityGroupProtocolRequiredWithPorts", "Must also specify protocol if port range is given.");
		}
		int number = protocolNumber(protocol);
		if (PORT_PROTOCOLS.contains(number)) {
			if (Objects.equals(min, 0) || Objects.equals(max, 0)) {
				throw invalid("SecurityGroupInvalidPortValue", "Invalid value for port 0");
			}
			if (min == null || max == null || min > max) {
				throw invalid("SecurityGroupInvalidPortRange",
						"For TCP/UDP protocols, port_range_min must be <= port_range_max");
			}
		}
		else if (number == 1 || number == 58) {
			if (min != null && min > 255) {
				throw invalid("SecurityGroupInvalidIcmpValue",
						"Invalid value for ICMP type (port_range_min) " + min + ". It must be 0 to 255.");
			}
			if (max != null && max > 255) {
				throw invalid("SecurityGroupInvalidIcmpValue",
						"Invalid value for ICMP code (port_range_max) " + max + ". It must be 0 to 255.");
			}
			if (min == null) {
				throw invalid("SecurityGroupMissingIcmpType",
						"ICMP code (port-range-max) " + max + " is provided but ICMP type (port-range-min) is missing.");
			}
		}
		else {
			throw invalid("SecurityGroupInvalidProtocolForPort", "Ports cannot be specified for protocol " + number
					+ ". Ports are only supported for DCCP, SCTP, TCP, UDP, UDPLITE.");
		}
	}

	// neutron's convert_ip_prefix_to_cidr and _validate_ip_prefix: an address gets its full
	// prefix length, the ethertype must be the prefix's version
	private static String remoteIpPrefix(String requested, String ethertype) {
		if (requested == null || requested.isEmpty()) {
			return null;
		}
		int slash = requested.indexOf('/');
		String address = (slash >= 0) ? requested.substring(0, slash) : requested;
		String length = (slash >= 0) ? requested.substring(slash + 1) : null;
		int version;
		if (Ipv4.isValid(address)) {
			version = 4;
		}
		else if (address.contains(":") && address.matches("[0-9A-Fa-f:.]+") && isInetAddress(address)) {
			version = 6;
		}
		else {
			throw invalidCidr(requested);
		}
		int maxLength = (version == 4) ? 32 : 128;
		if (length != null && (!length.matches("[0-9]{1,3}") || Integer.parseInt(length) > maxLength)) {
			throw invalidCidr(requested);
		}
		String cidr = address + "/" + ((length != null) ? Integer.parseInt(length) : maxLength);
		if (!ethertype.equals("IPv" + version)) {
			throw invalid("SecurityGroupRuleParameterConflict",
					"Conflicting value ethertype " + ethertype + " for CIDR " + requested);
		}
		return cidr;
	}

	// only literals reach this (checked for hex digits and colons), so no name is looked up
	private static boolean isInetAddress(String literal) {
		try {
			InetAddress.getByName(literal);
			return true;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static NetworkException invalidCidr(String requested) {
		return invalid("InvalidCIDR", "Invalid CIDR " + requested + " given as IP prefix.");
	}

	// neutron's _rule_to_key: what makes two rules the same
	private static boolean sameRule(SecurityGroupRule a, SecurityGroupRule b) {
		return a.getDirection().equals(b.getDirection()) && a.getEthertype().equals(b.getEthertype())
				&& Objects.equals(a.getPortRangeMin(), b.getPortRangeMin())
				&& Objects.equals(a.getPortRangeMax(), b.getPortRangeMax())
				&& Objects.equals(protocolNumber(a.getProtocol()), protocolNumber(b.getProtocol()))
				&& Objects.equals(a.getRemoteGroupId(), b.getRemoteGroupId())
				&& Objects.equals(anyAddress(a.getRemoteIpPrefix()), anyAddress(b.getRemoteIpPrefix()));
	}

	private static String anyAddress(String prefix) {
		return (prefix == null || prefix.equals("0.0.0.0/0") || prefix.equals("::/0")) ? null : prefix;
	}

	private static NetworkException invalid(String type, String message) {
		return new NetworkException(NetworkException.Kind.INVALID, type, message);
	}

	private static NetworkException groupNotFound(String uuid) {
		return new NetworkException(NetworkException.Kind.NOT_FOUND, "SecurityGroupNotFound",
				"Security group " + uuid + " does not exist");
	}

}

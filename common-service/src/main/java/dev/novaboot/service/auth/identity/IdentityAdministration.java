package dev.novaboot.service.auth.identity;

import java.time.Clock;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an identity administrator does: create projects and users, enable, disable and
 * unlock users, grant and revoke roles on projects, and look them up.
 */
public class IdentityAdministration {

	static final int MAX_PROJECT_NAME = 64;

	static final int MAX_USER_NAME = 255;

	private final DomainRepository domains;

	private final ProjectRepository projects;

	private final UserRepository users;

	private final RoleRepository roles;

	private final RoleAssignmentRepository assignments;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	public IdentityAdministration(DomainRepository domains, ProjectRepository projects, UserRepository users,
			RoleRepository roles, RoleAssignmentRepository assignments, PasswordEncoder passwordEncoder, Clock clock) {
		this.domains = domains;
		this.projects = projects;
		this.users = users;
		this.roles = roles;
		this.assignments = assignments;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	@Transactional
	Domain createDefaultDomain() {
		return this.domains.findById(Domain.DEFAULT_ID)
			.orElseGet(() -> this.domains.saveAndFlush(new Domain(Domain.DEFAULT_ID, "Default", this.clock.instant())));
	}

	@Transactional
	Role createRole(String name) {
		return this.roles.findByName(name).orElseGet(() -> this.roles.saveAndFlush(new Role(name, this.clock.instant())));
	}

	@Transactional
	public Project createProject(String name, String domainId, String description, boolean enabled) {
		String domain = domain(domainId);
		requireName("project", name, MAX_PROJECT_NAME);
		if (this.projects.findByDomainIdAndName(domain, name).isPresent()) {
			throw IdentityException.conflict("Conflict occurred attempting to store project - it is not permitted to "
					+ "have two projects with the same name in the same domain : " + name + ".");
		}
		return save(() -> this.projects.saveAndFlush(new Project(name, domain, description, enabled, this.clock.instant())),
				"project", name);
	}

	@Transactional
	public User createUser(String name, String domainId, String password, String defaultProjectId, boolean enabled) {
		String domain = domain(domainId);
		requireName("user", name, MAX_USER_NAME);
		if (password == null || password.isEmpty()) {
			throw IdentityException.badRequest("A user needs a password.");
		}
		if (defaultProjectId != null) {
			project(defaultProjectId);
		}
		if (this.users.findByDomainIdAndName(domain, name).isPresent()) {
			throw IdentityException.conflict("Conflict occurred attempting to store user - Duplicate entry found with "
					+ "name " + name + " at domain ID " + domain + ".");
		}
		String hash = this.passwordEncoder.encode(password);
		return save(() -> this.users
			.saveAndFlush(new User(name, domain, hash, enabled, defaultProjectId, this.clock.instant())), "user", name);
	}

	/**
	 * Enables or disables a user. Enabling also forgets the user's failed logins, as
	 * Keystone's {@code enabled} setter does: that is how an administrator unlocks a user
	 * locked out by wrong passwords, even one that is already enabled.
	 */
	@Transactional
	public User setUserEnabled(String id, boolean enabled) {
		User user = user(id);
		user.setEnabled(enabled);
		if (enabled) {
			this.users.resetFailedAuth(user.getId());
		}
		return user;
	}

	@Transactional
	public void assign(String projectId, String userId, String roleId) {
		RoleAssignment.Key key = new RoleAssignment.Key(project(projectId).getId(), user(userId).getId(),
				roleById(roleId).getId());
		if (!this.assignments.existsById(key)) {
			this.assignments.saveAndFlush(new RoleAssignment(key.projectId(), key.userId(), key.roleId()));
		}
	}

	@Transactional
	public void unassign(String projectId, String userId, String roleId) {
		RoleAssignment.Key key = new RoleAssignment.Key(project(projectId).getId(), user(userId).getId(),
				roleById(roleId).getId());
		if (!this.assignments.existsById(key)) {
			throw IdentityException.notFound("Could not find role assignment with role: " + roleId + ", user or group: "
					+ userId + ", project, domain, or system: " + projectId + ".");
		}
		this.assignments.deleteById(key);
	}

	@Transactional(readOnly = true)
	public List<Role> assignedRoles(String projectId, String userId) {
		return this.roles.findAssigned(user(userId).getId(), project(projectId).getId());
	}

	/** Role assignments on projects, each filter ignored when {@code null}. */
	@Transactional(readOnly = true)
	public List<Assignment> assignments(String projectId, String userId, String roleId) {
		return this.assignments.findAll()
			.stream()
			.map(RoleAssignment::getKey)
			.filter((key) -> projectId == null || projectId.equals(key.projectId()))
			.filter((key) -> userId == null || userId.equals(key.userId()))
			.filter((key) -> roleId == null || roleId.equals(key.roleId()))
			.map((key) -> assignment(project(key.projectId()), user(key.userId()), roleById(key.roleId())))
			.toList();
	}

	private Assignment assignment(Project project, User user, Role role) {
		return new Assignment(project, domainName(project.getDomainId()), user, domainName(user.getDomainId()), role);
	}

	private String domainName(String id) {
		return this.domains.findById(id).map(Domain::getName).orElse(id);
	}

	/** A role a user holds on a project, with the names of the domains involved. */
	public record Assignment(Project project, String projectDomainName, User user, String userDomainName, Role role) {
	}

	@Transactional(readOnly = true)
	public List<Project> projects(String name) {
		return (name != null) ? this.projects.findByNameOrderByName(name) : this.projects.findAllByOrderByName();
	}

	@Transactional(readOnly = true)
	public List<User> users(String name) {
		return (name != null) ? this.users.findByNameOrderByName(name) : this.users.findAllByOrderByName();
	}

	@Transactional(readOnly = true)
	public List<Role> roles(String name) {
		return (name != null) ? this.roles.findByName(name).stream().toList() : this.roles.findAllByOrderByName();
	}

	@Transactional(readOnly = true)
	public Project project(String id) {
		return this.projects.findById(id).orElseThrow(() -> IdentityException.notFound("Could not find project: " + id + "."));
	}

	@Transactional(readOnly = true)
	public User user(String id) {
		return this.users.findById(id).orElseThrow(() -> IdentityException.notFound("Could not find user: " + id + "."));
	}

	@Transactional(readOnly = true)
	public Role role(String name) {
		return this.roles.findByName(name).orElseThrow(() -> IdentityException.notFound("Could not find role: " + name + "."));
	}

	@Transactional(readOnly = true)
	public Role roleById(String id) {
		return this.roles.findById(id).orElseThrow(() -> IdentityException.notFound("Could not find role: " + id + "."));
	}

	private String domain(String domainId) {
		String id = (domainId != null) ? domainId : Domain.DEFAULT_ID;
		if (!this.domains.existsById(id)) {
			throw IdentityException.badRequest("Could not find domain: " + id + ".");
		}
		return id;
	}

	private static void requireName(String kind, String name, int max) {
		if (name == null || name.isBlank() || name.length() > max) {
			throw IdentityException.badRequest("A " + kind + " needs a name of 1 to " + max + " characters, not blank.");
		}
	}

	// two administrators creating the same name at once: the unique key decides
	private static <T> T save(java.util.function.Supplier<T> save, String kind, String name) {
		try {
			return save.get();
		}
		catch (DataIntegrityViolationException ex) {
			throw IdentityException.conflict("Conflict occurred attempting to store " + kind + " " + name + ".");
		}
	}

}

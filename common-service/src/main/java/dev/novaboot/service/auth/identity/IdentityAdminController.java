package dev.novaboot.service.auth.identity;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.novaboot.service.config.Secrets;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The part of Keystone's v3 admin API that an operator needs to give people access:
 * projects, users (and enabling, disabling or unlocking them), roles and role
 * assignments on projects (admin only, by the auth layer's rules).
 */
@RestController
@RequestMapping("/identity/v3")
class IdentityAdminController {

	private final IdentityAdministration administration;

	IdentityAdminController(IdentityAdministration administration) {
		this.administration = administration;
	}

	@PostMapping("/projects")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, ProjectView> createProject(@RequestBody ProjectRequest request) {
		NewProject project = required(request, ProjectRequest::project, "project");
		return Map.of("project", ProjectView.of(this.administration.createProject(project.name(), project.domainId(),
				project.description(), project.enabled() == null || project.enabled())));
	}

	@GetMapping("/projects")
	Map<String, Object> projects(@RequestParam(required = false) String name) {
		return list("projects", this.administration.projects(name).stream().map(ProjectView::of).toList());
	}

	@GetMapping("/projects/{id}")
	Map<String, ProjectView> project(@PathVariable String id) {
		return Map.of("project", ProjectView.of(this.administration.project(id)));
	}

	@PostMapping("/users")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, UserView> createUser(@RequestBody UserRequest request) {
		NewUser user = required(request, UserRequest::user, "user");
		return Map.of("user", UserView.of(this.administration.createUser(user.name(), user.domainId(), user.password(),
				user.defaultProjectId(), user.enabled() == null || user.enabled())));
	}

	@GetMapping("/users")
	Map<String, Object> users(@RequestParam(required = false) String name) {
		return list("users", this.administration.users(name).stream().map(UserView::of).toList());
	}

	@GetMapping("/users/{id}")
	Map<String, UserView> user(@PathVariable String id) {
		return Map.of("user", UserView.of(this.administration.user(id)));
	}

	/**
	 * Keystone's user update, of which only {@code enabled} is served: {@code true}
	 * also unlocks a user locked out by wrong passwords. Anything else is refused rather
	 * than ignored, so that a client never believes it changed what it did not.
	 */
	@PatchMapping("/users/{id}")
	Map<String, UserView> updateUser(@PathVariable String id, @RequestBody UserUpdateRequest request) {
		Map<String, Object> update = required(request, UserUpdateRequest::user, "user");
		if (update.isEmpty()) {
			throw IdentityException.badRequest("Expecting to find at least one attribute in user.");
		}
		Object updateId = update.get("id");
		if (updateId != null && !updateId.equals(id)) {
			throw IdentityException.badRequest("Cannot change ID");
		}
		List<String> unsupported = update.keySet()
			.stream()
			.filter((attribute) -> !attribute.equals("id") && !attribute.equals("enabled"))
			.sorted()
			.toList();
		if (!unsupported.isEmpty()) {
			throw IdentityException.badRequest("Only enabled can be changed here, not " + String.join(", ", unsupported)
					+ ".");
		}
		if (!update.containsKey("enabled")) {
			return Map.of("user", UserView.of(this.administration.user(id)));
		}
		if (!(update.get("enabled") instanceof Boolean enabled)) {
			throw IdentityException.badRequest("Invalid input for field 'enabled': it must be true or false.");
		}
		return Map.of("user", UserView.of(this.administration.setUserEnabled(id, enabled)));
	}

	@GetMapping("/roles")
	Map<String, Object> roles(@RequestParam(required = false) String name) {
		return list("roles", this.administration.roles(name).stream().map(RoleView::of).toList());
	}

	@GetMapping("/roles/{id}")
	Map<String, RoleView> role(@PathVariable String id) {
		return Map.of("role", RoleView.of(this.administration.roleById(id)));
	}

	@GetMapping("/projects/{projectId}/users/{userId}/roles")
	Map<String, Object> assignedRoles(@PathVariable String projectId, @PathVariable String userId) {
		return list("roles", this.administration.assignedRoles(projectId, userId).stream().map(RoleView::of).toList());
	}

	@GetMapping("/role_assignments")
	Map<String, Object> roleAssignments(@RequestParam(name = "scope.project.id", required = false) String projectId,
			@RequestParam(name = "user.id", required = false) String userId,
			@RequestParam(name = "role.id", required = false) String roleId) {
		return list("role_assignments",
				this.administration.assignments(projectId, userId, roleId).stream().map(AssignmentView::of).toList());
	}

	@PutMapping("/projects/{projectId}/users/{userId}/roles/{roleId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void assign(@PathVariable String projectId, @PathVariable String userId, @PathVariable String roleId) {
		this.administration.assign(projectId, userId, roleId);
	}

	@DeleteMapping("/projects/{projectId}/users/{userId}/roles/{roleId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unassign(@PathVariable String projectId, @PathVariable String userId, @PathVariable String roleId) {
		this.administration.unassign(projectId, userId, roleId);
	}

	private static <R, T> T required(R request, java.util.function.Function<R, T> part, String name) {
		T value = (request != null) ? part.apply(request) : null;
		if (value == null) {
			throw IdentityException.badRequest("Expecting to find " + name + " in the request body.");
		}
		return value;
	}

	private static Map<String, Object> list(String name, List<?> items) {
		String self = ServletUriComponentsBuilder.fromCurrentRequest().toUriString();
		return Map.of(name, items, "links", new Links(self));
	}

	static String self(String path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/identity/v3/" + path).toUriString();
	}

	record ProjectRequest(NewProject project) {
	}

	record NewProject(String name, @JsonProperty("domain_id") String domainId, String description, Boolean enabled) {
	}

	record UserRequest(NewUser user) {
	}

	// a map, to tell the attributes sent from those left out and refuse the unsupported ones
	record UserUpdateRequest(Map<String, Object> user) {
	}

	record NewUser(String name, @JsonProperty("domain_id") String domainId, String password,
			@JsonProperty("default_project_id") String defaultProjectId, Boolean enabled) {

		@Override
		public String toString() {
			return "NewUser[name=" + this.name + ", domainId=" + this.domainId + ", password="
					+ Secrets.mask(this.password) + ", defaultProjectId=" + this.defaultProjectId + ", enabled="
					+ this.enabled + "]";
		}

	}

	record Links(String self) {
	}

	record SelfLink(String self) {
	}

	record ProjectView(String id, String name, @JsonProperty("domain_id") String domainId, String description,
			boolean enabled, @JsonProperty("is_domain") boolean isDomain, @JsonProperty("parent_id") String parentId,
			List<String> tags, SelfLink links) {

		static ProjectView of(Project project) {
			return new ProjectView(project.getId(), project.getName(), project.getDomainId(), project.getDescription(),
					project.isEnabled(), false, project.getDomainId(), List.of(),
					new SelfLink(self("projects/" + project.getId())));
		}

	}

	record UserView(String id, String name, @JsonProperty("domain_id") String domainId, boolean enabled,
			@JsonProperty("default_project_id") String defaultProjectId,
			@JsonProperty("password_expires_at") String passwordExpiresAt, SelfLink links) {

		static UserView of(User user) {
			return new UserView(user.getId(), user.getName(), user.getDomainId(), user.isEnabled(),
					user.getDefaultProjectId(), null, new SelfLink(self("users/" + user.getId())));
		}

	}

	/** Keystone's assignment, with the names that {@code include_names} asks for. */
	record AssignmentView(NamedRef role, NamedRef user, Map<String, NamedRef> scope, Map<String, String> links) {

		static AssignmentView of(IdentityAdministration.Assignment assignment) {
			Project project = assignment.project();
			User user = assignment.user();
			Role role = assignment.role();
			return new AssignmentView(new NamedRef(role.getId(), role.getName(), null),
					new NamedRef(user.getId(), user.getName(),
							Map.of("id", user.getDomainId(), "name", assignment.userDomainName())),
					Map.of("project", new NamedRef(project.getId(), project.getName(),
							Map.of("id", project.getDomainId(), "name", assignment.projectDomainName()))),
					Map.of("assignment", self("projects/" + project.getId() + "/users/" + user.getId() + "/roles/"
							+ role.getId())));
		}

	}

	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
	record NamedRef(String id, String name, Map<String, String> domain) {
	}

	record RoleView(String id, String name, @JsonProperty("domain_id") String domainId, SelfLink links) {

		static RoleView of(Role role) {
			return new RoleView(role.getId(), role.getName(), null, new SelfLink(self("roles/" + role.getId())));
		}

	}

}

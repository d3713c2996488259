package dev.novaboot.service.auth.identity;

import java.util.List;
import java.util.Optional;

import dev.novaboot.service.auth.identity.AuthRequest.DomainRef;
import dev.novaboot.service.auth.identity.AuthRequest.ProjectRef;
import dev.novaboot.service.auth.identity.AuthRequest.Scope;
import dev.novaboot.service.auth.identity.AuthRequest.UserRef;
import dev.novaboot.service.auth.token.TokenSubject;
import dev.novaboot.service.auth.token.TokenSubject.Ref;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * Keystone's password method: finds the user, checks the password against its hash and
 * the roles the user holds on the requested project. Every failure to authenticate is
 * the same 401, so that a caller cannot tell an unknown user from a wrong password or a
 * locked one.
 * <p>
 * Wrong passwords count towards the {@link LoginLockout}. That count is written in the
 * request's transaction, which therefore commits even though the request fails.
 */
public class PasswordAuthenticator {

	static final String REQUIRES_AUTHENTICATION = "The request you have made requires authentication.";

	private final DomainRepository domains;

	private final UserRepository users;

	private final ProjectRepository projects;

	private final RoleRepository roles;

	private final PasswordEncoder passwordEncoder;

	private final LoginLockout lockout;

	// compared against when the user does not exist, so that both cases take as long; made
	// once, after start-up (see prepareDecoy), since a bcrypt hash costs about 80 ms
	private final SingletonSupplier<String> decoyHash;

	public PasswordAuthenticator(DomainRepository domains, UserRepository users, ProjectRepository projects,
			RoleRepository roles, PasswordEncoder passwordEncoder, LoginLockout lockout) {
		this.domains = domains;
		this.users = users;
		this.projects = projects;
		this.roles = roles;
		this.passwordEncoder = passwordEncoder;
		this.lockout = lockout;
		this.decoyHash = SingletonSupplier.of(() -> passwordEncoder.encode("decoy-password-for-unknown-users"));
	}

	/**
	 * Makes the decoy hash now. Called off the start-up path once the app is ready, so that
	 * the first login for an unknown user does not pay for it (and take longer than the
	 * same login for a known user).
	 */
	public void prepareDecoy() {
		this.decoyHash.obtain();
	}

	// read-write for the failure count, and a refusal must not roll that count back
	@Transactional(noRollbackFor = IdentityException.class)
	public TokenSubject authenticate(AuthRequest request) {
		if (request == null || request.auth() == null || request.auth().identity() == null) {
			throw IdentityException.badRequest("Expecting to find auth.identity in the request body.");
		}
		List<String> methods = request.auth().identity().methods();
		if (methods == null || !methods.contains("password")) {
			throw IdentityException.unauthorized("Only the 'password' authentication method is supported.");
		}
		if (request.auth().identity().password() == null || request.auth().identity().password().user() == null) {
			throw IdentityException.badRequest("Expecting to find auth.identity.password.user in the request body.");
		}
		UserRef userRef = request.auth().identity().password().user();
		if (userRef.password() == null) {
			throw IdentityException.badRequest("Expecting to find password in user.");
		}
		Optional<User> found = findUser(userRef);
		String hash = found.map(User::getPasswordHash).orElseGet(this.decoyHash::obtain);
		// checked whatever happens next, so that an unknown or a locked user takes as long
		boolean matches = this.passwordEncoder.matches(userRef.password(), hash);
		if (found.isEmpty()) {
			throw IdentityException.unauthorized(REQUIRES_AUTHENTICATION);
		}
		User user = found.get();
		// Keystone's order: a locked user is refused before the password counts, so
		// attempts while locked neither count nor extend the lock
		if (this.lockout.isLocked(user)) {
			throw IdentityException.unauthorized(REQUIRES_AUTHENTICATION);
		}
		if (!matches) {
			this.lockout.recordFailure(user);
			throw IdentityException.unauthorized(REQUIRES_AUTHENTICATION);
		}
		if (!user.isEnabled()) {
			throw IdentityException.unauthorized(REQUIRES_AUTHENTICATION);
		}
		this.lockout.recordSuccess(user);
		Ref userDomain = domainRef(user.getDomainId());
		Project project = scope(request.auth().scope(), user);
		if (project == null) {
			return new TokenSubject(new Ref(user.getId(), user.getName()), userDomain, null, null, List.of());
		}
		List<Ref> assigned = this.roles.findAssigned(user.getId(), project.getId())
			.stream()
			.map((role) -> new Ref(role.getId(), role.getName()))
			.toList();
		if (assigned.isEmpty()) {
			throw IdentityException.unauthorized("User " + user.getId() + " has no access to project " + project.getId()
					+ ".");
		}
		return new TokenSubject(new Ref(user.getId(), user.getName()), userDomain,
				new Ref(project.getId(), project.getName()), domainRef(project.getDomainId()), assigned);
	}

	private Optional<User> findUser(UserRef ref) {
		if (ref.id() != null) {
			return this.users.findById(ref.id());
		}
		if (ref.name() == null) {
			throw IdentityException.badRequest("Expecting to find id or name in user.");
		}
		if (ref.domain() == null) {
			throw IdentityException.badRequest("Expecting to find domain in user.");
		}
		return findDomain(ref.domain()).flatMap((domain) -> this.users.findByDomainIdAndName(domain.getId(), ref.name()));
	}

	// no scope: the user's default project, as Keystone does; else an unscoped token
	private Project scope(Scope scope, User user) {
		if (scope == null) {
			if (user.getDefaultProjectId() == null) {
				return null;
			}
			Project project = this.projects.findById(user.getDefaultProjectId()).orElse(null);
			return (project != null && !this.roles.findAssigned(user.getId(), project.getId()).isEmpty()) ? project
					: null;
		}
		if (scope.project() == null) {
			throw IdentityException.unauthorized("Only project scope is supported here (not domain or system scope).");
		}
		Project project = findProject(scope.project())
			.orElseThrow(() -> IdentityException.unauthorized(REQUIRES_AUTHENTICATION));
		if (!project.isEnabled()) {
			throw IdentityException.unauthorized(REQUIRES_AUTHENTICATION);
		}
		return project;
	}

	private Optional<Project> findProject(ProjectRef ref) {
		if (ref.id() != null) {
			return this.projects.findById(ref.id());
		}
		if (ref.name() == null) {
			throw IdentityException.badRequest("Expecting to find id or name in project.");
		}
		if (ref.domain() == null) {
			throw IdentityException.badRequest("Expecting to find domain in project.");
		}
		return findDomain(ref.domain())
			.flatMap((domain) -> this.projects.findByDomainIdAndName(domain.getId(), ref.name()));
	}

	private Optional<Domain> findDomain(DomainRef ref) {
		if (ref.id() != null) {
			return this.domains.findById(ref.id());
		}
		if (ref.name() != null) {
			return this.domains.findByNameIgnoringCase(ref.name());
		}
		throw IdentityException.badRequest("Expecting to find id or name in domain.");
	}

	private Ref domainRef(String domainId) {
		return new Ref(domainId, this.domains.findById(domainId).map(Domain::getName).orElse(domainId));
	}

}

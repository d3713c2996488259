package dev.novaboot.service.auth.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A user holds a role on a project. */
@Entity
@Table(name = "identity_role_assignments")
public class RoleAssignment {

	@EmbeddedId
	private Key key;

	protected RoleAssignment() {
	}

	RoleAssignment(String projectId, String userId, String roleId) {
		this.key = new Key(projectId, userId, roleId);
	}

	public Key getKey() {
		return this.key;
	}

	@Embeddable
	public record Key(@Column(name = "project_id") String projectId, @Column(name = "user_id") String userId,
			@Column(name = "role_id") String roleId) {
	}

}

package dev.novaboot.service.auth.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RoleRepository extends JpaRepository<Role, String> {

	Optional<Role> findByName(String name);

	List<Role> findAllByOrderByName();

	@Query("select r from Role r, RoleAssignment a where a.key.roleId = r.id and a.key.userId = :userId "
			+ "and a.key.projectId = :projectId order by r.name")
	List<Role> findAssigned(@Param("userId") String userId, @Param("projectId") String projectId);

}

package dev.novaboot.service.auth.identity;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RoleAssignmentRepository extends JpaRepository<RoleAssignment, RoleAssignment.Key> {

}

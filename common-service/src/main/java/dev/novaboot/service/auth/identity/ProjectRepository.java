package dev.novaboot.service.auth.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProjectRepository extends JpaRepository<Project, String> {

	Optional<Project> findByDomainIdAndName(String domainId, String name);

	List<Project> findByNameOrderByName(String name);

	List<Project> findAllByOrderByName();

}

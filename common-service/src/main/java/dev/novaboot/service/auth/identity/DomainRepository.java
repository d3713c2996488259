package dev.novaboot.service.auth.identity;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DomainRepository extends JpaRepository<Domain, String> {

	// clients write the default domain "Default" or "default"
	@Query("select d from Domain d where lower(d.name) = lower(:name)")
	Optional<Domain> findByNameIgnoringCase(@Param("name") String name);

}

package dev.novaboot.service.auth.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface UserRepository extends JpaRepository<User, String> {

	Optional<User> findByDomainIdAndName(String domainId, String name);

	List<User> findByNameOrderByName(String name);

	List<User> findAllByOrderByName();

}

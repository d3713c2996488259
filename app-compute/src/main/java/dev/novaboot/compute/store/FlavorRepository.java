package dev.novaboot.compute.store;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The flavors; {@link FlavorListing} pages them as Nova's API does.
 */
public interface FlavorRepository extends JpaRepository<FlavorRecord, Long>, FlavorListing {

	Optional<FlavorRecord> findByFlavorid(String flavorid);

	boolean existsByFlavorid(String flavorid);

	boolean existsByName(String name);

}

package dev.novaboot.compute.store;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The configured flavor ids seeded so far.
 */
public interface FlavorSeedRepository extends JpaRepository<FlavorSeed, String> {

}

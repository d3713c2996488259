package dev.novaboot.volume.store;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The last capacity report of every volume host.
 */
public interface VolumeCapacityRepository extends JpaRepository<VolumeCapacity, String> {

}

package dev.novaboot.network.store;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AllocationPoolRepository extends JpaRepository<AllocationPool, Long> {

	List<AllocationPool> findBySubnetIdOrderById(Long subnetId);

	void deleteBySubnetId(Long subnetId);

}

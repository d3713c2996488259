package dev.novaboot.network.store;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SubnetRouteRepository extends JpaRepository<SubnetRoute, Long> {

	List<SubnetRoute> findBySubnetIdOrderById(Long subnetId);

	void deleteBySubnetId(Long subnetId);

}

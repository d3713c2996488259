package dev.novaboot.network.store;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FloatingIpRepository extends JpaRepository<FloatingIp, Long> {

	Optional<FloatingIp> findByUuid(String uuid);

	Optional<FloatingIp> findByAddress(String address);

	List<FloatingIp> findAllByOrderById();

	List<FloatingIp> findByProjectIdOrderById(String projectId);

	List<FloatingIp> findByPortId(Long portId);

	List<FloatingIp> findByHostOrderById(String host);

	long countByNetworkId(Long networkId);

}

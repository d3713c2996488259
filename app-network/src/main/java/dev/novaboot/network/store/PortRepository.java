package dev.novaboot.network.store;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PortRepository extends JpaRepository<Port, Long> {

	Optional<Port> findByUuid(String uuid);

	List<Port> findAllByOrderById();

	List<Port> findByProjectIdOrderById(String projectId);

	List<Port> findByDeviceIdOrderById(String deviceId);

	List<Port> findByNetworkIdOrderById(Long networkId);

	boolean existsByMacAddress(String macAddress);

	long countByNetworkId(Long networkId);

}

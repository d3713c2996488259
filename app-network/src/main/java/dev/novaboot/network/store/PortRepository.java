package dev.novaboot.network.store;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PortRepository extends JpaRepository<Port, Long> {

	Optional<Port> findByUuid(String uuid);

	/** A page of all ports in id order, after {@code afterId}. */
	List<Port> findByIdGreaterThanOrderById(Long afterId, Limit limit);

	/** A page of a project's ports in id order, after {@code afterId}. */
	List<Port> findByProjectIdAndIdGreaterThanOrderById(String projectId, Long afterId, Limit limit);

	List<Port> findByDeviceIdOrderById(String deviceId);

	List<Port> findByNetworkIdOrderById(Long networkId);

	boolean existsByMacAddress(String macAddress);

	long countByNetworkId(Long networkId);

}

package dev.novaboot.network.store;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface PortRepository extends JpaRepository<Port, Long>, JpaSpecificationExecutor<Port> {

	Optional<Port> findByUuid(String uuid);

	/** What a project sees: its own ports. */
	static Specification<Port> visibleTo(String projectId) {
		return (root, query, cb) -> cb.equal(root.get("projectId"), projectId);
	}

	List<Port> findByDeviceIdOrderById(String deviceId);

	List<Port> findByNetworkIdOrderById(Long networkId);

	boolean existsByMacAddress(String macAddress);

	long countByNetworkId(Long networkId);

}

package dev.novaboot.network.store;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface FloatingIpRepository extends JpaRepository<FloatingIp, Long>, JpaSpecificationExecutor<FloatingIp> {

	Optional<FloatingIp> findByUuid(String uuid);

	Optional<FloatingIp> findByAddress(String address);

	/** What a project sees: its own floating IPs. */
	static Specification<FloatingIp> visibleTo(String projectId) {
		return (root, query, cb) -> cb.equal(root.get("projectId"), projectId);
	}

	List<FloatingIp> findByPortId(Long portId);

	List<FloatingIp> findByHostOrderById(String host);

	long countByNetworkId(Long networkId);

}

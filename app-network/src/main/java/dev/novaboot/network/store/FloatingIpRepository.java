package dev.novaboot.network.store;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FloatingIpRepository extends JpaRepository<FloatingIp, Long> {

	Optional<FloatingIp> findByUuid(String uuid);

	Optional<FloatingIp> findByAddress(String address);

	/** A page of all floating IPs in id order, after {@code afterId}. */
	List<FloatingIp> findByIdGreaterThanOrderById(Long afterId, Limit limit);

	/** A page of a project's floating IPs in id order, after {@code afterId}. */
	List<FloatingIp> findByProjectIdAndIdGreaterThanOrderById(String projectId, Long afterId, Limit limit);

	List<FloatingIp> findByPortId(Long portId);

	List<FloatingIp> findByHostOrderById(String host);

	long countByNetworkId(Long networkId);

}

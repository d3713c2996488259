package dev.novaboot.network.store;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PortSecurityGroupRepository extends JpaRepository<PortSecurityGroup, Long> {

	List<PortSecurityGroup> findByPortIdOrderById(Long portId);

	/** The groups of a batch of ports in one query. */
	List<PortSecurityGroup> findByPortIdInOrderById(Collection<Long> portIds);

	boolean existsBySecurityGroupId(Long securityGroupId);

	List<PortSecurityGroup> findBySecurityGroupId(Long securityGroupId);

	void deleteByPortId(Long portId);

}

package dev.novaboot.network.store;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PortSecurityGroupRepository extends JpaRepository<PortSecurityGroup, Long> {

	List<PortSecurityGroup> findByPortIdOrderById(Long portId);

	boolean existsBySecurityGroupId(Long securityGroupId);

	List<PortSecurityGroup> findBySecurityGroupId(Long securityGroupId);

	void deleteByPortId(Long portId);

}

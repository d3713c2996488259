package dev.novaboot.network.store;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface FixedIpRepository extends JpaRepository<FixedIp, Long> {

	List<FixedIp> findByPortIdOrderById(Long portId);

	/** The addresses of every port in a security group, in one query: a group can have thousands of members. */
	@Query("select f.address from FixedIp f, PortSecurityGroup b where b.portId = f.portId "
			+ "and b.securityGroupId = :groupId order by b.id, f.id")
	List<String> findAddressesOfSecurityGroupMembers(@Param("groupId") Long groupId);

	@Query("select f from FixedIp f where f.networkId = :networkId and f.allocated = true order by f.addressValue")
	List<FixedIp> findAllocatedByNetwork(@Param("networkId") Long networkId);

	List<FixedIp> findByAddress(String address);

	@Query("select count(f) from FixedIp f where f.subnetId = :subnetId and f.allocated = true")
	long countAllocatedBySubnet(@Param("subnetId") Long subnetId);

	/** Instances holding addresses whose allocation is older than {@code before}. */
	@Query("select distinct f.instanceUuid from FixedIp f where f.allocated = true and f.instanceUuid is not null "
			+ "and f.updatedAt < :before")
	List<String> findInstancesAllocatedBefore(@Param("before") Instant before);

}

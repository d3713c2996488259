package dev.novaboot.network.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface FixedIpRepository extends JpaRepository<FixedIp, Long> {

	List<FixedIp> findByPortIdOrderById(Long portId);

	/** The addresses of a batch of ports in one query. */
	List<FixedIp> findByPortIdInOrderById(Collection<Long> portIds);

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

	/**
	 * Moves a port's addresses to another instance (or to none): a user's port bound to an
	 * instance, or unbound from it, as its {@code device_id} changes.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update FixedIp f set f.instanceUuid = :instanceUuid, f.host = :host, f.updatedAt = :now "
			+ "where f.portId = :portId")
	int rebindPort(@Param("portId") Long portId, @Param("instanceUuid") String instanceUuid,
			@Param("host") String host, @Param("now") Instant now);

}

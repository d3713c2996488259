package dev.novaboot.network.store;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SubnetRepository extends JpaRepository<Subnet, Long> {

	Optional<Subnet> findByUuid(String uuid);

	List<Subnet> findByNetworkIdOrderById(Long networkId);

	List<Subnet> findAllByOrderById();

	/** What a project sees: its own subnets and those of shared and external networks. */
	@Query("select s from Subnet s where s.projectId = :projectId or exists (select n.id from Network n "
			+ "where n.id = s.networkId and (n.shared = true or n.external = true)) order by s.id")
	List<Subnet> findVisibleTo(@Param("projectId") String projectId);

	/** The subnets a new subnet of the network, for the project, must not overlap. */
	@Query("select s from Subnet s where s.networkId = :networkId or s.projectId = :projectId order by s.id")
	List<Subnet> findByNetworkIdOrProjectId(@Param("networkId") Long networkId, @Param("projectId") String projectId);

}

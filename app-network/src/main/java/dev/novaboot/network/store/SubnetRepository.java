package dev.novaboot.network.store;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SubnetRepository extends JpaRepository<Subnet, Long> {

	Optional<Subnet> findByUuid(String uuid);

	List<Subnet> findByNetworkIdOrderById(Long networkId);

	/** A page of all subnets in id order, after {@code afterId}. */
	List<Subnet> findByIdGreaterThanOrderById(Long afterId, Limit limit);

	/**
	 * A page of what a project sees (its own subnets and those of shared and external
	 * networks) in id order, after {@code afterId}.
	 */
	@Query("select s from Subnet s where s.id > :afterId and (s.projectId = :projectId or exists (select n.id "
			+ "from Network n where n.id = s.networkId and (n.shared = true or n.external = true))) order by s.id")
	List<Subnet> findVisibleTo(@Param("projectId") String projectId, @Param("afterId") Long afterId, Limit limit);

	/** The subnets a new subnet of the network, for the project, must not overlap. */
	@Query("select s from Subnet s where s.networkId = :networkId or s.projectId = :projectId order by s.id")
	List<Subnet> findByNetworkIdOrProjectId(@Param("networkId") Long networkId, @Param("projectId") String projectId);

}

package dev.novaboot.network.store;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NetworkRepository extends JpaRepository<Network, Long> {

	Optional<Network> findByUuid(String uuid);

	/** A page of all networks in id order, after {@code afterId}. */
	List<Network> findByIdGreaterThanOrderById(Long afterId, Limit limit);

	/** A page of what a project sees (its own networks, shared and external ones) in id order, after {@code afterId}. */
	@Query("select n from Network n where n.id > :afterId "
			+ "and (n.projectId = :projectId or n.shared = true or n.external = true) order by n.id")
	List<Network> findVisibleTo(@Param("projectId") String projectId, @Param("afterId") Long afterId, Limit limit);

	/** The networks an instance of the project may be put on: its own and shared ones, never external ones. */
	@Query("select n from Network n where n.external = false and (n.shared = true or n.projectId = :projectId) "
			+ "order by n.id")
	List<Network> findUsableBy(@Param("projectId") String projectId);

	List<Network> findByExternalTrueOrderById();

	Optional<Network> findByDefaultForProject(String projectId);

	@Query("select n.segmentationId from Network n where n.networkType = 'vlan' and n.segmentationId is not null")
	List<Integer> findVlanIds();

	@Query("select n from Network n where n.host = :host order by n.id")
	List<Network> findByHost(@Param("host") String host);

	/** Takes the network for {@code host} unless another host already carries it. */
	@Modifying
	@Query("update Network n set n.host = :host where n.id = :id and n.host is null")
	int claimHost(@Param("id") long id, @Param("host") String host);

}

package dev.novaboot.network.store;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RouterRouteRepository extends JpaRepository<RouterRoute, Long> {

	List<RouterRoute> findByRouterIdOrderById(Long routerId);

	void deleteByRouterId(Long routerId);

}

package dev.novaboot.network.store;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SubnetRepository extends JpaRepository<Subnet, Long> {

	Optional<Subnet> findByUuid(String uuid);

	List<Subnet> findByNetworkIdOrderById(Long networkId);

	List<Subnet> findAllByOrderById();

}

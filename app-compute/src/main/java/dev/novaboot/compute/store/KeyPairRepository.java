package dev.novaboot.compute.store;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The key pairs, a user's in name order (Nova's paging key).
 */
public interface KeyPairRepository extends JpaRepository<KeyPairRecord, Long> {

	Optional<KeyPairRecord> findByUserIdAndName(String userId, String name);

	boolean existsByUserIdAndName(String userId, String name);

	long countByUserId(String userId);

	List<KeyPairRecord> findByUserIdOrderByNameAsc(String userId, Limit limit);

	List<KeyPairRecord> findByUserIdAndNameGreaterThanOrderByNameAsc(String userId, String name, Limit limit);

}

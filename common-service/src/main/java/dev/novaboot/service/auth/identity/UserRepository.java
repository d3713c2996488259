package dev.novaboot.service.auth.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface UserRepository extends JpaRepository<User, String> {

	Optional<User> findByDomainIdAndName(String domainId, String name);

	List<User> findByNameOrderByName(String name);

	List<User> findAllByOrderByName();

	/**
	 * Counts one failed password attempt in the database itself ({@code count + 1} under
	 * the row's lock), so that concurrent failures are all counted.
	 */
	@Transactional
	@Modifying
	@Query("update User u set u.failedAuthCount = u.failedAuthCount + 1, u.failedAuthAt = :at where u.id = :id")
	int countFailedAuth(String id, Instant at);

	/**
	 * The count as the database has it now; in the transaction that has just counted a
	 * failure, the row is still locked, so this is that failure's own count.
	 */
	@Transactional(readOnly = true)
	@Query("select u.failedAuthCount from User u where u.id = :id")
	int failedAuthCount(String id);

	/** Forgets the failed attempts: after a successful login, or an administrator's unlock. */
	@Transactional
	@Modifying
	@Query("update User u set u.failedAuthCount = 0, u.failedAuthAt = null where u.id = :id and u.failedAuthCount > 0")
	int resetFailedAuth(String id);

	/**
	 * Forgets the failed attempts of a lock that has expired (its last failure was not
	 * after {@code stillLockedAfter}); does nothing when a failure was counted since, by a
	 * concurrent login that already saw the lock expire.
	 */
	@Transactional
	@Modifying
	@Query("update User u set u.failedAuthCount = 0, u.failedAuthAt = null "
			+ "where u.id = :id and u.failedAuthCount >= :attempts and u.failedAuthAt <= :stillLockedAfter")
	int resetExpiredLockout(String id, int attempts, Instant stillLockedAfter);

}

package dev.novaboot.service.auth.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keystone's account lockout ({@code [security_compliance] lockout_failure_attempts} and
 * {@code lockout_duration}): a user whose password was wrong {@code failureAttempts}
 * times since their last successful login is locked until {@code duration} after the
 * last of those failures. A success, an expired lock or an administrator who sets the
 * user {@code enabled} forgets the failures.
 * <p>
 * The failures are counted in the database ({@code identity_users.failed_auth_count}), so
 * that every app of the suite sees them and concurrent attempts are all counted.
 */
public class LoginLockout {

	private static final Log logger = LogFactory.getLog(LoginLockout.class);

	private final UserRepository users;

	private final TransactionTemplate transaction;

	private final int failureAttempts;

	private final Duration duration;

	private final Clock clock;

	/**
	 * @param failureAttempts failed attempts that lock a user; {@code 0} turns lockout off
	 * @param duration how long after the last failed attempt a lock lasts
	 */
	public LoginLockout(UserRepository users, TransactionTemplate transaction, int failureAttempts, Duration duration,
			Clock clock) {
		if (failureAttempts < 0 || duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(
					"Lockout needs 0 (off) or more failure attempts and a positive duration, not " + failureAttempts
							+ " and " + duration);
		}
		this.users = users;
		this.transaction = transaction;
		this.failureAttempts = failureAttempts;
		this.duration = duration;
		this.clock = clock;
	}

	/**
	 * Whether the user, as just read, is locked now. A lock that has expired is forgotten,
	 * as Keystone does, so that the next failure counts from one again.
	 */
	boolean isLocked(User user) {
		if (this.failureAttempts == 0 || user.getFailedAuthCount() < this.failureAttempts) {
			return false;
		}
		Instant stillLockedAfter = this.clock.instant().minus(this.duration);
		Instant lastFailure = user.getFailedAuthAt();
		if (lastFailure != null && lastFailure.isAfter(stillLockedAfter)) {
			return true;
		}
		this.users.resetExpiredLockout(user.getId(), this.failureAttempts, stillLockedAfter);
		return false;
	}

	/** Counts a wrong password; the failure that reaches the limit logs that the user is locked. */
	void recordFailure(User user) {
		if (this.failureAttempts == 0) {
			return;
		}
		// one transaction (the caller's when there is one): the row stays locked from the
		// increment to the read, so the count read is this failure's own
		Integer count = this.transaction.execute((status) -> {
			this.users.countFailedAuth(user.getId(), this.clock.instant());
			return this.users.failedAuthCount(user.getId());
		});
		if (count != null && count == this.failureAttempts) {
			logger.warn("User " + user.getId() + " is locked out for " + this.duration + " after " + count
					+ " failed password attempts");
		}
	}

	/** A successful login forgets the failed attempts before it. */
	void recordSuccess(User user) {
		if (user.getFailedAuthCount() > 0) {
			this.users.resetFailedAuth(user.getId());
		}
	}

}

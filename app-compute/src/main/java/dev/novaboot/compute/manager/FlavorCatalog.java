package dev.novaboot.compute.manager;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.novaboot.compute.store.FlavorRecord;
import dev.novaboot.compute.store.FlavorRepository;
import dev.novaboot.service.record.DatabaseClock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The flavors of this cloud (Nova's flavors in its API database): listed for a project as
 * Nova lists them, created and deleted by admins, opened to projects when private, with
 * their extra specs. Seeded from {@code nova.compute.flavors} by {@link FlavorSeeding}.
 */
@Service
public class FlavorCatalog {

	private final FlavorRepository flavors;

	private final DatabaseClock clock;

	FlavorCatalog(FlavorRepository flavors, DatabaseClock clock) {
		this.flavors = flavors;
		this.clock = clock;
	}

	/** The flavor by its id, whoever asks (admins, and what an instance was booted with). */
	@Transactional(readOnly = true)
	public Optional<FlavorRecord> find(String flavorid) {
		return this.flavors.findByFlavorid(flavorid);
	}

	/**
	 * The flavor by its id if {@code project} may see it: public, or open to the project;
	 * admins see every flavor.
	 */
	@Transactional(readOnly = true)
	public Optional<FlavorRecord> findVisible(String flavorid, String project, boolean admin) {
		return this.flavors.findByFlavorid(flavorid)
			.filter((flavor) -> admin || flavor.isPublic() || flavor.getProjects().contains(project));
	}

	/**
	 * A page of flavors (see {@link dev.novaboot.compute.store.FlavorListing}); the marker
	 * is a flavor id the caller may see.
	 * @throws MarkerNotFoundException if it is not
	 */
	@Transactional(readOnly = true)
	public List<FlavorRecord> page(String project, boolean admin, Boolean publicOnly, Integer minRam, Integer minDisk,
			String sortKey, boolean ascending, String marker, int limit) {
		FlavorRecord after = null;
		if (marker != null) {
			after = findVisible(marker, project, admin).orElseThrow(() -> new MarkerNotFoundException(marker));
		}
		// members see public flavors and those open to their project, never disabled ones
		return admin
				? this.flavors.page(project, publicOnly, false, minRam, minDisk, sortKey, ascending, after, limit)
				: this.flavors.page(project, true, true, minRam, minDisk, sortKey, ascending, after, limit);
	}

	/**
	 * Records a new flavor.
	 * @throws FlavorExistsException if its id or its name is taken
	 */
	@Transactional
	public FlavorRecord create(String flavorid, String name, int ram, int vcpus, int disk, int ephemeral, int swap,
			double rxtxFactor, boolean isPublic) {
		if (this.flavors.existsByFlavorid(flavorid)) {
			throw new FlavorExistsException("Flavor with ID " + flavorid + " already exists.");
		}
		if (this.flavors.existsByName(name)) {
			throw new FlavorExistsException("Flavor with name " + name + " already exists.");
		}
		return this.flavors.saveAndFlush(new FlavorRecord(flavorid, name, ram, vcpus, disk, ephemeral, swap,
				rxtxFactor, isPublic, this.clock.now()));
	}

	/** Deletes the flavor, its extra specs and its access list; servers booted with it keep their sizes. */
	@Transactional
	public void delete(String flavorid) {
		this.flavors.delete(existing(flavorid));
	}

	/** The projects a flavor is open to. */
	@Transactional(readOnly = true)
	public List<String> access(String flavorid) {
		return List.copyOf(new TreeSet<>(existing(flavorid).getProjects()));
	}

	/** @throws FlavorAccessException (409) if the project has access already */
	@Transactional
	public List<String> addAccess(String flavorid, String project) {
		FlavorRecord flavor = existing(flavorid);
		if (!flavor.getProjects().add(project)) {
			throw new FlavorAccessException(true, "Flavor access already exists for flavor " + flavorid
					+ " and project " + project + " combination.");
		}
		flavor.touch(this.clock.now());
		return List.copyOf(new TreeSet<>(flavor.getProjects()));
	}

	/** @throws FlavorAccessException (404) if the project has no access */
	@Transactional
	public List<String> removeAccess(String flavorid, String project) {
		FlavorRecord flavor = existing(flavorid);
		if (!flavor.getProjects().remove(project)) {
			throw new FlavorAccessException(false,
					"Flavor access not found for " + flavorid + " / " + project + " combination.");
		}
		flavor.touch(this.clock.now());
		return List.copyOf(new TreeSet<>(flavor.getProjects()));
	}

	/** The flavor's extra specs, if the project may see the flavor. */
	@Transactional(readOnly = true)
	public Map<String, String> extraSpecs(String flavorid, String project, boolean admin) {
		return new TreeMap<>(findVisible(flavorid, project, admin)
			.orElseThrow(() -> new FlavorNotFoundException(flavorid))
			.getExtraSpecs());
	}

	/** Adds or replaces extra specs. */
	@Transactional
	public Map<String, String> setExtraSpecs(String flavorid, Map<String, String> specs) {
		FlavorRecord flavor = existing(flavorid);
		flavor.getExtraSpecs().putAll(specs);
		flavor.touch(this.clock.now());
		return new TreeMap<>(flavor.getExtraSpecs());
	}

	/** @throws ExtraSpecNotFoundException if the flavor has no such key */
	@Transactional
	public void deleteExtraSpec(String flavorid, String key) {
		FlavorRecord flavor = existing(flavorid);
		if (flavor.getExtraSpecs().remove(key) == null) {
			throw new ExtraSpecNotFoundException(flavorid, key);
		}
		flavor.touch(this.clock.now());
	}

	private FlavorRecord existing(String flavorid) {
		return this.flavors.findByFlavorid(flavorid).orElseThrow(() -> new FlavorNotFoundException(flavorid));
	}

	/** No such flavor (404), or none the caller may see. */
	public static class FlavorNotFoundException extends RuntimeException {

		public FlavorNotFoundException(String flavorid) {
			super("Flavor " + flavorid + " could not be found.");
		}

	}

	/** A flavor's id or name is taken (409). */
	public static class FlavorExistsException extends RuntimeException {

		public FlavorExistsException(String message) {
			super(message);
		}

	}

	/** A project's access to a flavor exists already (409) or does not exist (404). */
	public static class FlavorAccessException extends RuntimeException {

		private final boolean exists;

		public FlavorAccessException(boolean exists, String message) {
			super(message);
			this.exists = exists;
		}

		public boolean exists() {
			return this.exists;
		}

	}

	/** The flavor has no extra spec of that key (404). */
	public static class ExtraSpecNotFoundException extends RuntimeException {

		public ExtraSpecNotFoundException(String flavorid, String key) {
			super("Flavor " + flavorid + " has no extra specs with key " + key + ".");
		}

	}

}

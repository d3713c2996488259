package dev.novaboot.compute.manager;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.InstanceRepository;
import dev.novaboot.compute.store.InstanceTag;
import dev.novaboot.compute.store.InstanceTagRepository;
import dev.novaboot.compute.store.VmState;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The servers' tags (Nova's server tags, microversion 2.26): at most {@link #MAX_TAGS} per
 * server, changed only while the server is active or stopped, as Nova allows.
 */
@Service
public class InstanceTags {

	/** Nova's {@code MAX_TAG_COUNT}. */
	public static final int MAX_TAGS = 50;

	private static final Set<VmState> CHANGEABLE = Set.of(VmState.ACTIVE, VmState.STOPPED);

	private final InstanceTagRepository tags;

	private final InstanceRepository instances;

	InstanceTags(InstanceTagRepository tags, InstanceRepository instances) {
		this.tags = tags;
		this.instances = instances;
	}

	@Transactional(readOnly = true)
	public List<String> of(String uuid) {
		return this.tags.tagsOf(uuid);
	}

	/** The tags of several servers at once (a list's page), by server uuid. */
	@Transactional(readOnly = true)
	public Map<String, List<String>> of(Collection<String> uuids) {
		if (uuids.isEmpty()) {
			return Map.of();
		}
		return this.tags.tagsOf(uuids)
			.stream()
			.collect(Collectors.groupingBy(InstanceTag::getInstanceUuid, TreeMap::new,
					Collectors.mapping(InstanceTag::getTag, Collectors.toList())));
	}

	/** Tags a server being created (2.52): no state check, the row is new. */
	@Transactional
	public void tagNew(String uuid, Collection<String> tags) {
		for (String tag : new LinkedHashSet<>(tags)) {
			this.tags.save(new InstanceTag(uuid, tag));
		}
	}

	/** Replaces every tag of the server. */
	@Transactional
	public List<String> replace(String uuid, Collection<String> tags) {
		changeable(uuid, "update tags");
		this.tags.deleteAllOf(uuid);
		tagNew(uuid, tags);
		return of(uuid);
	}

	/**
	 * Adds one tag.
	 * @return false if the server had it already
	 * @throws TooManyTagsException if the server has the most tags it may have
	 */
	@Transactional
	public boolean add(String uuid, String tag) {
		changeable(uuid, "update tag");
		if (this.tags.existsById(new InstanceTag.Key(uuid, tag))) {
			return false;
		}
		if (this.tags.countOf(uuid) >= MAX_TAGS) {
			throw new TooManyTagsException();
		}
		this.tags.save(new InstanceTag(uuid, tag));
		return true;
	}

	/** @throws TagNotFoundException if the server has no such tag */
	@Transactional
	public void remove(String uuid, String tag) {
		changeable(uuid, "delete tag");
		InstanceTag.Key key = new InstanceTag.Key(uuid, tag);
		if (!this.tags.existsById(key)) {
			throw new TagNotFoundException(uuid, tag);
		}
		this.tags.deleteById(key);
	}

	@Transactional
	public void removeAll(String uuid) {
		changeable(uuid, "delete tags");
		this.tags.deleteAllOf(uuid);
	}

	private void changeable(String uuid, String action) {
		Instance instance = this.instances.findLive(uuid).orElseThrow(() -> new InstanceNotFoundException(uuid));
		if (!CHANGEABLE.contains(instance.getVmState())) {
			throw new InstanceInvalidStateException(action, uuid, "vm_state", instance.getVmState().value());
		}
	}

	/** The server has no such tag (404). */
	public static class TagNotFoundException extends RuntimeException {

		public TagNotFoundException(String uuid, String tag) {
			super("Instance " + uuid + " has no tag '" + tag + "'");
		}

	}

	/** A server may have at most {@link #MAX_TAGS} tags (400). */
	public static class TooManyTagsException extends RuntimeException {

		public TooManyTagsException() {
			super("The number of tags exceeded the per-server limit " + MAX_TAGS);
		}

	}

}

package dev.novaboot.volume.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Cinder's version discovery documents, which OpenStack clients read before any call:
 * {@code GET /} (300 Multiple Choices) and {@code GET /v3}, which tell the range of
 * microversions served ({@link VolumeMicroversions#MIN} to {@link VolumeMicroversions#MAX}) so that
 * clients negotiate within it.
 */
@RestController
class VolumeVersionController {

	@GetMapping("/")
	ResponseEntity<Map<String, List<Version>>> versions() {
		return ResponseEntity.status(HttpStatus.MULTIPLE_CHOICES).body(Map.of("versions", List.of(v3())));
	}

	@GetMapping({ "/v3", "/v3/" })
	Map<String, List<Version>> v3Document() {
		return Map.of("versions", List.of(v3()));
	}

	private static Version v3() {
		String root = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		return new Version("v3.0", "CURRENT", VolumeMicroversions.MAX.toString(), VolumeMicroversions.MIN.toString(), "2016-02-08T12:20:21Z",
				List.of(new VersionLink("describedby", "text/html", "https://docs.openstack.org/"),
						new VersionLink("self", null, root + "/v3/")),
				List.of(new MediaType("application/json", "application/vnd.openstack.volume+json;version=3")));
	}

	record Version(String id, String status, String version, @JsonProperty("min_version") String minVersion,
			String updated, List<VersionLink> links, @JsonProperty("media-types") List<MediaType> mediaTypes) {
	}

	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
	record VersionLink(String rel, String type, String href) {
	}

	record MediaType(String base, String type) {
	}

}

package dev.novaboot.volume.api;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.novaboot.service.image.ImageStore;
import dev.novaboot.service.image.StoredImage;
import dev.novaboot.volume.VolumeAppTest;
import dev.novaboot.volume.driver.BackingName;
import dev.novaboot.volume.driver.FakeVolumeDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import static dev.novaboot.volume.api.BlockStorageApiTests.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A volume from an image ({@code imageRef}) and a volume uploaded as an image
 * ({@code os-volume_upload_image}) through the suite's image store, which nova-compute's
 * Image API serves: Cinder's shapes, statuses and status codes, with the fake driver.
 */
@VolumeAppTest
class VolumeImagesApiTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	FakeVolumeDriver driver;

	@Autowired
	ImageStore images;

	BlockStorageClient member;

	final List<Path> made = new ArrayList<>();

	@BeforeEach
	void client() {
		this.member = new BlockStorageClient(this.http, "project-" + UUID.randomUUID(), "ida", "member");
	}

	@AfterEach
	void clean() throws IOException {
		this.driver.heal();
		for (Path file : this.made) {
			Files.deleteIfExists(file);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void aVolumeFromAnImageIsBootableAndTellsItsImage() throws IOException {
		StoredImage image = image("cirros-" + UUID.randomUUID(), "a raw disk");

		Map<String, Object> created = created(this.member.post("/volumes",
				Map.of("volume", Map.of("size", 1, "imageRef", image.id(), "name", "boot"))));
		assertThat(created).containsEntry("status", "available").containsEntry("bootable", "true");

		Map<String, Object> shown = this.member.volume((String) created.get("id"));
		assertThat((Map<String, Object>) shown.get("volume_image_metadata")).containsEntry("image_id", image.id())
			.containsEntry("image_name", image.name())
			.containsEntry("disk_format", "raw")
			.containsEntry("container_format", "bare")
			.containsEntry("size", "10")
			.containsEntry("min_disk", "0")
			.containsEntry("min_ram", "0");
		assertThat(this.driver.imageOf(BackingName.volume((String) created.get("id")))).isEqualTo(image.path());
		// a volume not made from an image has no such key, as in Cinder
		assertThat(this.member.volume((String) this.member.createVolume(1).get("id")))
			.doesNotContainKey("volume_image_metadata");
	}

	@Test
	void anImageIsNamedByItsIdItsNameOrAUrlEndingInItsId() throws IOException {
		StoredImage image = image("by-name-" + UUID.randomUUID(), "x");

		for (String ref : List.of(image.name(), "http://glance.example/v2/images/" + image.id())) {
			Map<String, Object> created = created(this.member.post("/volumes",
					Map.of("volume", Map.of("size", 1, "imageRef", ref))));
			assertThat(created).containsEntry("status", "available");
		}
		// Cinder's older key
		assertThat(created(this.member.post("/volumes", Map.of("volume", Map.of("size", 1, "image_id", image.id())))))
			.containsEntry("bootable", "true");
	}

	@Test
	void anUnknownImageIsCinders400AndMakesNoVolume() {
		assertFault(this.member.post("/volumes", Map.of("volume", Map.of("size", 1, "imageRef", UUID.randomUUID().toString()))),
				400, "badRequest", "Invalid image identifier or unable to access requested image.");
		assertFault(this.member.post("/volumes", Map.of("volume", Map.of("size", 1, "imageRef", "no-such-image"))), 400,
				"badRequest", "Invalid image identifier or unable to access requested image.");
		assertThat(this.member.list("/volumes", "volumes")).isEmpty();
	}

	@Test
	void anImageLargerThanTheVolumeOrASecondSourceIsRefused() throws IOException {
		StoredImage big = image("big-" + UUID.randomUUID(), null);
		Map<String, Object> source = this.member.createVolume(1);

		assertFault(this.member.post("/volumes", Map.of("volume", Map.of("size", 1, "imageRef", big.id()))), 400,
				"badRequest", "Size of specified image 2GB is larger than volume size 1GB.");
		assertFault(this.member.post("/volumes",
				Map.of("volume", Map.of("size", 1, "imageRef", big.id(), "source_volid", source.get("id")))), 400,
				"badRequest", "at most one source");
		assertThat(this.member.list("/volumes", "volumes")).hasSize(1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aDriverThatFailsToWriteTheImageLeavesAnErrorAndAMessage() throws IOException {
		StoredImage image = image("failing-" + UUID.randomUUID(), "x");
		this.driver.fail(FakeVolumeDriver.Operation.CREATE_FROM_IMAGE);

		Map<String, Object> created = created(this.member.post("/volumes",
				Map.of("volume", Map.of("size", 1, "imageRef", image.id()))));
		assertThat(created).containsEntry("status", "error").containsEntry("bootable", "false");

		List<Map<String, Object>> messages = this.member.atVersion("3.3").list("/messages", "messages");
		assertThat(messages).singleElement()
			.satisfies((message) -> assertThat(message).containsEntry("event_id", "VOLUME_VOLUME_008_012")
				.containsEntry("resource_uuid", created.get("id")));
	}

	@Test
	void anAvailableVolumeIsUploadedAsAnImageWithCindersAnswer() {
		Map<String, Object> volume = this.member.createVolume(1);
		String name = "upload-" + UUID.randomUUID();

		ResponseEntity<Map<String, Object>> response = upload(volume, Map.of("image_name", name));

		assertThat(response.getStatusCode().value()).isEqualTo(202);
		@SuppressWarnings("unchecked")
		Map<String, Object> answer = (Map<String, Object>) response.getBody().get("os-volume_upload_image");
		assertThat(answer).containsOnlyKeys("id", "updated_at", "status", "display_description", "size", "volume_type",
				"image_id", "container_format", "disk_format", "image_name", "protected", "visibility")
			.containsEntry("id", volume.get("id"))
			.containsEntry("status", "uploading")
			.containsEntry("size", 1)
			.containsEntry("image_id", ImageStore.idOf(name))
			.containsEntry("image_name", name)
			.containsEntry("disk_format", "raw")
			.containsEntry("container_format", "bare");
		assertThat(answer.get("volume_type").toString()).contains("name=__DEFAULT__");
		this.made.add(this.images.directory().resolve(name));

		assertThat(this.images.find(ImageStore.idOf(name))).hasValueSatisfying((image) -> {
			assertThat(image.name()).isEqualTo(name);
			assertThat(image.path().getParent()).isEqualTo(this.images.directory());
		});
		assertThat(this.member.volume((String) volume.get("id"))).containsEntry("status", "available");
		// the name is taken now: the store has one image per name
		assertFault(upload(volume, Map.of("image_name", name)), 400, "badRequest",
				"An image named '" + name + "' already exists.");
	}

	@Test
	void fromMicroversion31VisibilityAndProtectedAreTakenAndTold() {
		Map<String, Object> volume = this.member.createVolume(1);
		String name = "public-" + UUID.randomUUID();

		assertFault(upload(volume, Map.of("image_name", name, "visibility", "public")), 400, "badRequest",
				"Additional properties are not allowed ('visibility' was unexpected)");
		ResponseEntity<Map<String, Object>> response = this.member.atVersion("3.1")
			.post("/volumes/" + volume.get("id") + "/action", Map.of("os-volume_upload_image",
					Map.of("image_name", name, "visibility", "public", "protected", true, "disk_format", "qcow2")));
		this.made.add(this.images.directory().resolve(name));

		assertThat(response.getStatusCode().value()).isEqualTo(202);
		assertThat(response.getBody().get("os-volume_upload_image").toString()).contains("visibility=public")
			.contains("protected=true")
			.contains("disk_format=qcow2");
	}

	@Test
	void anAttachedVolumeIsNotUploadedEvenWithForceAsCindersDefaultSays() {
		Map<String, Object> volume = this.member.createVolume(1);
		String id = (String) volume.get("id");
		this.member.post("/volumes/" + id + "/action", Map.of("os-reserve", Map.of()));
		this.member.post("/volumes/" + id + "/action", Map.of("os-attach",
				Map.of("instance_uuid", UUID.randomUUID().toString(), "mountpoint", "/dev/vdb")));
		String name = "attached-" + UUID.randomUUID();

		assertFault(upload(volume, Map.of("image_name", name, "force", true)), 400, "badRequest",
				"cannot upload volume " + id + " in status 'in-use'");
		assertThat(this.member.volume(id)).containsEntry("status", "in-use");
		assertThat(this.images.findByName(name)).isEmpty();
	}

	@Test
	void badUploadRequestsAreRefusedAndChangeNothing() {
		Map<String, Object> volume = this.member.createVolume(1);

		assertFault(upload(volume, Map.of("force", false)), 400, "badRequest", "'image_name' is a required property");
		assertFault(upload(volume, Map.of("image_name", "")), 400, "badRequest", "image_name has 0 characters");
		assertFault(upload(volume, Map.of("image_name", "x", "disk_format", "iso")), 400, "badRequest",
				"Invalid input for field/attribute disk_format. Value: iso.");
		assertFault(upload(volume, Map.of("image_name", "x", "disk_format", "vmdk")), 400, "badRequest",
				"disk_format vmdk is not supported by this service");
		assertFault(upload(volume, Map.of("image_name", "x", "container_format", "ovf")), 400, "badRequest",
				"container_format ovf is not supported by this service");
		assertFault(upload(volume, Map.of("image_name", "../etc/passwd")), 400, "badRequest", "cannot name an image");
		assertFault(upload(volume, Map.of("image_name", "x", "force", "maybe")), 400, "badRequest",
				"Invalid input for field/attribute force.");
		assertFault(upload(volume, Map.of("image_name", "x", "size", 1)), 400, "badRequest",
				"Additional properties are not allowed ('size' was unexpected)");
		assertFault(this.member.post("/volumes/" + UUID.randomUUID() + "/action",
				Map.of("os-volume_upload_image", Map.of("image_name", "x"))), 404, "itemNotFound", "could not be found");

		assertThat(this.member.volume((String) volume.get("id"))).containsEntry("status", "available");
		assertThat(this.images.findByName("x")).isEmpty();
	}

	@Test
	void aFailedUploadLeavesNoImageTheVolumeAvailableAndAMessage() {
		Map<String, Object> volume = this.member.createVolume(1);
		String name = "failed-" + UUID.randomUUID();
		this.driver.fail(FakeVolumeDriver.Operation.UPLOAD_TO_IMAGE);

		assertThat(upload(volume, Map.of("image_name", name)).getStatusCode().value()).isEqualTo(202);

		assertThat(this.images.findByName(name)).isEmpty();
		assertThat(hiddenUploads()).isEmpty();
		assertThat(this.member.volume((String) volume.get("id"))).containsEntry("status", "available");
		assertThat(this.member.atVersion("3.3").list("/messages", "messages")).singleElement()
			.satisfies((message) -> assertThat(message).containsEntry("event_id", "VOLUME_VOLUME_003_004")
				.containsEntry("user_message", "copy volume to image:Failed to upload volume to image at backend."));
	}

	private ResponseEntity<Map<String, Object>> upload(Map<String, Object> volume, Map<String, Object> params) {
		return this.member.post("/volumes/" + volume.get("id") + "/action", Map.of("os-volume_upload_image", params));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> created(ResponseEntity<Map<String, Object>> response) {
		assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(202);
		return (Map<String, Object>) response.getBody().get("volume");
	}

	/** An image of the store: {@code content} as raw bytes, or (null) a sparse raw file of 1 GiB and 1 byte. */
	private StoredImage image(String name, String content) throws IOException {
		Files.createDirectories(this.images.directory());
		Path file = this.images.directory().resolve(name);
		this.made.add(file);
		if (content != null) {
			Files.writeString(file, content);
		}
		else {
			try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
				raf.setLength(1024L * 1024 * 1024 + 1);
			}
		}
		return this.images.findByName(name).orElseThrow();
	}

	private List<String> hiddenUploads() {
		try (var entries = Files.list(this.images.directory())) {
			return entries.map((path) -> path.getFileName().toString()).filter((n) -> n.startsWith(".upload")).toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

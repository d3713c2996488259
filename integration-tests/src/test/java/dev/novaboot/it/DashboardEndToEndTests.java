package dev.novaboot.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.novaboot.it.SuiteClient.Response;
import dev.novaboot.service.testsupport.HostTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's dashboard of nova-compute driven in a real browser (Debian's headless
 * chromium through its chromedriver, installed by {@code .ci/run}) against the whole suite:
 * an admin and a member log in, the admin sees a booted server with its address, its
 * volume attached, a network's IP usage grow, disables a service with a reason and sees a
 * stopped service turn down; the member never sees the admin's objects. Every page's
 * screenshot is written to {@code target/dashboard-screenshots}.
 */
class DashboardEndToEndTests {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

	@TempDir
	static Path workDir;

	static Suite suite;

	static SuiteClient admin;

	static WebDriver browser;

	@BeforeAll
	static void startSuiteAndBrowser() throws Exception {
		HostTools.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"the dashboard's end-to-end test needs chromium and chromium-driver (apt-get install chromium chromium-driver)");
		// a short down-time, so that a stopped service turns down within seconds
		List<String> downTime = List.of("--nova.service.down-time=4s");
		suite = Suite.start(workDir, Map.of("volume", List.of("--nova.service.down-time=4s", "--nova.volume.driver=file",
				"--nova.volume.file.directory=" + workDir.resolve("volumes")), "network", downTime, "compute", downTime));
		admin = SuiteClient.login(suite.app("compute"), "admin", Suite.ADMIN_PASSWORD, "admin");
		Files.createDirectories(SCREENSHOTS);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1400,1000",
				"--user-data-dir=" + Files.createTempDirectory(workDir, "chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopSuiteAndBrowser() throws Exception {
		if (browser != null) {
			browser.quit();
		}
		if (suite != null) {
			suite.close();
		}
	}

	@Test
	void anOperatorWatchesTheCloudAndAMemberSeesOnlyItsProject() throws Exception {
		SuiteProcess compute = suite.app("compute");
		SuiteProcess network = suite.app("network");
		SuiteProcess volumes = suite.app("volume");
		String project = admin.projectId();
		String memberPassword = "dash-member-pw";
		createMember("dash-alice", memberPassword, "dash-project");

		String networkId = admin.post(network, "/v2.0/networks", "{\"network\": {\"name\": \"dash-net\"}}")
			.expect(201)
			.read("$.network.id");
		admin.post(network, "/v2.0/subnets", """
				{"subnet": {"network_id": "%s", "cidr": "10.30.0.0/24", "ip_version": 4, "name": "dash-subnet"}}"""
			.formatted(networkId)).expect(201);
		String volumeId = admin
			.post(volumes, "/v3/" + project + "/volumes", "{\"volume\": {\"size\": 1, \"name\": \"dash-vol\"}}")
			.expect(202)
			.read("$.volume.id");
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> "available".equals(admin.get(volumes, "/v3/" + project + "/volumes/" + volumeId).read("$.volume.status")));

		// the admin logs in and sees every service up
		logIn("admin", Suite.ADMIN_PASSWORD, "admin");
		assertThat(text(By.id("who"))).contains("admin");
		eventually(() -> "up".equals(stateOf("nova-compute")) && "up".equals(stateOf("nova-volume")));
		screenshot("services");

		open("/dashboard/networks");
		String usageBefore = ipUsage(networkId);
		assertThat(usageBefore).contains(" of 253 addresses used");
		int usedBefore = Integer.parseInt(usageBefore.substring(0, usageBefore.indexOf(' ')));

		// a server booted through the API, with the volume
		String flavor = admin.get(compute, "/v2.1/flavors").expect(200).read("$.flavors[0].id");
		String image = admin.get(compute, "/image/v2/images").expect(200).read("$.images[0].id");
		String server = boot(compute, "dash-vm", flavor, image, networkId, volumeId);
		String address = admin.get(compute, "/v2.1/servers/" + server)
			.expect(200)
			.<List<String>>read("$.server.addresses['dash-net'][*].addr")
			.get(0);

		open("/dashboard/servers");
		WebElement row = browser.findElement(By.id("server-" + server));
		assertThat(row.findElement(By.className("status")).getText()).isEqualTo("ACTIVE");
		assertThat(row.findElement(By.className("addresses")).getText()).contains("dash-net: " + address);
		assertThat(row.findElement(By.className("volumes")).getText()).contains(volumeId);
		screenshot("servers");
		row.findElement(By.linkText("dash-vm")).click();
		assertThat(text(By.tagName("h1"))).contains("dash-vm");
		assertThat(browser.findElement(By.id("actions")).getText()).contains("create");
		assertThat(browser.findElements(By.id("console"))).hasSize(1);
		screenshot("server");

		open("/dashboard/volumes");
		WebElement volume = browser.findElement(By.id("volume-" + volumeId));
		assertThat(volume.findElement(By.className("status")).getText()).isEqualTo("in-use");
		assertThat(volume.findElement(By.className("attachments")).getText()).contains(server);
		screenshot("volumes");

		open("/dashboard/networks");
		assertThat(ipUsage(networkId)).startsWith((usedBefore + 1) + " of 253 addresses used");
		screenshot("networks");

		open("/dashboard/hypervisors");
		assertThat(text(By.id("totals"))).contains("Running VMs");
		assertThat(text(By.id("hypervisors"))).contains("127.0.0.13");
		screenshot("hypervisors");

		open("/dashboard/activity");
		assertThat(text(By.id("actions"))).contains("dash-vm").contains("create");
		screenshot("activity");

		// an admin disables a service with a reason
		open("/dashboard/services");
		WebElement networkService = serviceRow("nova-network");
		networkService.findElement(By.name("reason")).sendKeys("dashboard maintenance");
		networkService.findElement(By.xpath(".//button[text()='Disable']")).click();
		eventually(() -> "disabled".equals(serviceRow("nova-network").findElement(By.className("status")).getText())
				&& "dashboard maintenance".equals(serviceRow("nova-network").findElement(By.className("reason")).getText()));
		assertThat(admin.get(compute, "/v2.1/os-services?binary=nova-network")
			.expect(200)
			.<List<String>>read("$.services[*].disabled_reason")).containsExactly("dashboard maintenance");

		// a stopped service turns down on the page by itself (the page refreshes itself)
		volumes.close();
		new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until((driver) -> "down".equals(stateOf("nova-volume")) && text(By.id("summary")).contains("1 down"));
		screenshot("services-volume-down");

		// the member sees its project only: none of the admin's objects, and no service list
		browser.findElement(By.xpath("//button[text()='Log out']")).click();
		logIn("dash-alice", memberPassword, "dash-project");
		assertThat(text(By.id("refusal"))).contains("403");
		screenshot("member-services");
		open("/dashboard/servers");
		assertThat(browser.findElements(By.id("server-" + server))).isEmpty();
		assertThat(browser.getPageSource()).doesNotContain("dash-vm");
		screenshot("member-servers");
		open("/dashboard/networks");
		assertThat(browser.findElements(By.id("network-" + networkId))).isEmpty();
		open("/dashboard/servers/" + server);
		assertThat(text(By.id("refusal"))).contains("404");
		// no token anywhere the browser can read it
		assertThat(browser.manage().getCookies()).allSatisfy((cookie) -> {
			assertThat(cookie.isHttpOnly()).isTrue();
			assertThat(cookie.getValue()).doesNotContain(admin.token());
		});
	}

	@Test
	void theDashboardSitsBehindTheSameEdgeAsTheApis() throws Exception {
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		SuiteProcess compute = suite.app("compute");
		// anonymous: the login page, never a page of the cloud
		assertThat(status(http, java.net.http.HttpRequest.newBuilder(compute.url("/dashboard/services")))).isEqualTo(302);
		// path variants: another case is not the dashboard (the API's 401), dot segments,
		// encoded slashes and semicolons are refused by the firewall in the API's shape
		assertThat(status(http, java.net.http.HttpRequest.newBuilder(compute.url("/DASHBOARD/services")))).isEqualTo(401);
		for (String path : List.of("/dashboard/%2e%2e/v2.1/os-services", "/dashboard/servers%2f..%2f..%2fos-services",
				"/dashboard;jsessionid=x/services", "//dashboard/services")) {
			assertThat(status(http, java.net.http.HttpRequest.newBuilder(java.net.URI.create(compute.url("/") + path.substring(1)))))
				.as(path)
				.isBetween(400, 404);
		}
		// the request body limit holds for the login form too
		String huge = "user=" + "a".repeat(200_000) + "&password=x&project=admin";
		assertThat(status(http, java.net.http.HttpRequest.newBuilder(compute.url("/dashboard/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(huge)))).isEqualTo(413);
	}

	private static int status(java.net.http.HttpClient http, java.net.http.HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	// the page replaces its content every few seconds: read it again until it says so
	private static void eventually(java.util.function.BooleanSupplier condition) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until((driver) -> condition.getAsBoolean());
	}

	private static void createMember(String user, String password, String projectName) throws Exception {
		SuiteProcess identity = suite.app("compute");
		String project = admin.post(identity, "/identity/v3/projects",
				"{\"project\": {\"name\": \"" + projectName + "\", \"domain_id\": \"default\"}}")
			.expect(201)
			.read("$.project.id");
		String userId = admin.post(identity, "/identity/v3/users", """
				{"user": {"name": "%s", "password": "%s", "domain_id": "default", "default_project_id": "%s"}}"""
			.formatted(user, password, project)).expect(201).read("$.user.id");
		String role = admin.get(identity, "/identity/v3/roles?name=member").expect(200).<List<String>>read("$.roles[*].id").get(0);
		admin.put(identity, "/identity/v3/projects/" + project + "/users/" + userId + "/roles/" + role).expect(204);
	}

	private static String boot(SuiteProcess compute, String name, String flavor, String image, String networkId,
			String volumeId) throws Exception {
		String id = admin.post(compute, "/v2.1/servers", """
				{"server": {"name": "%s", "flavorRef": "%s", "imageRef": "%s", "networks": [{"uuid": "%s"}],
				 "block_device_mapping_v2": [{"uuid": "%s", "source_type": "volume",
				   "destination_type": "volume", "boot_index": -1}]}}"""
			.formatted(name, flavor, image, networkId, volumeId)).expect(202).read("$.server.id");
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
			Response server = admin.get(compute, "/v2.1/servers/" + id).expect(200);
			String status = server.read("$.server.status");
			if ("ERROR".equals(status)) {
				throw new AssertionError("server " + name + " failed: " + server.body());
			}
			return "ACTIVE".equals(status);
		});
		return id;
	}

	private static void logIn(String user, String password, String project) {
		open("/dashboard/login");
		browser.findElement(By.id("user")).sendKeys(user);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("project")).sendKeys(project);
		browser.findElement(By.id("login")).click();
	}

	private static void open(String path) {
		browser.get(suite.app("compute").url(path).toString());
	}

	private static String text(By by) {
		return browser.findElement(by).getText();
	}

	private static WebElement serviceRow(String binary) {
		return browser.findElement(By.cssSelector("tr[id^='service-" + binary + "-']"));
	}

	private static String stateOf(String binary) {
		return serviceRow(binary).getAttribute("data-state");
	}

	private static String ipUsage(String networkId) {
		return browser.findElement(By.id("network-" + networkId)).findElement(By.className("ips")).getText();
	}

	private static void screenshot(String page) throws IOException {
		Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, SCREENSHOTS.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}

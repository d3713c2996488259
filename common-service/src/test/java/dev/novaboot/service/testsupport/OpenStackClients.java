package dev.novaboot.service.testsupport;

import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.openstack.OSFactory;

/**
 * A real OpenStack client (openstack4j, from Maven Central) logged in to an app of the
 * suite with the Keystone v3 password flow, as a user's SDK would: it finds every other
 * API through the token's service catalog.
 */
public final class OpenStackClients {

	private OpenStackClients() {
	}

	/** The bootstrap admin, scoped to project {@code admin}. */
	public static OSClientV3 admin(int port) {
		return login(port, "admin", AuthTestSupport.ADMIN_PASSWORD, "admin");
	}

	/** A user of the default domain, scoped to a project of the default domain by name. */
	public static OSClientV3 login(int port, String user, String password, String project) {
		Identifier defaultDomain = Identifier.byName("Default");
		return OSFactory.builderV3()
			.endpoint("http://127.0.0.1:" + port + "/identity/v3")
			.credentials(user, password, defaultDomain)
			.scopeToProject(Identifier.byName(project), defaultDomain)
			.authenticate();
	}

}

package dev.novaboot.service.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.driver.Driver;
import dev.novaboot.service.manager.Manager;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * {@code /actuator/info}: which service this is, on which host, with which manager and
 * drivers, so that an operator sees what a property override chose.
 */
public class ServiceInfoContributor implements InfoContributor {

	private final ServiceIdentity identity;

	private final Manager manager;

	private final List<Driver> drivers;

	public ServiceInfoContributor(ServiceIdentity identity, Manager manager, List<Driver> drivers) {
		this.identity = identity;
		this.manager = manager;
		this.drivers = drivers;
	}

	@Override
	public void contribute(Info.Builder builder) {
		Map<String, Object> service = new LinkedHashMap<>();
		service.put("binary", this.identity.binary());
		service.put("host", this.identity.host());
		service.put("topic", this.identity.topic());
		service.put("zone", this.identity.zone());
		if (this.manager != null) {
			service.put("manager", AopUtils.getTargetClass(this.manager).getName());
		}
		Map<String, String> driverNames = new LinkedHashMap<>();
		for (Driver driver : this.drivers) {
			driverNames.put(AopUtils.getTargetClass(driver).getSimpleName(), driver.name());
		}
		service.put("drivers", driverNames);
		builder.withDetail("service", service);
	}

}

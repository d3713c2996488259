package dev.novaboot.compute.driver;

import dev.novaboot.service.driver.Driver;
import dev.novaboot.service.driver.SelectedBy;

/**
 * How guests run on this host (Nova's {@code nova.virt.driver.ComputeDriver}).
 */
@SelectedBy(property = "nova.compute.driver", choices = { "fake", "qemu" })
public interface ComputeDriver extends Driver {

}

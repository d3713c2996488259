package dev.novaboot.network;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * nova-network's settings.
 *
 * @param manager the network manager strategy: {@code flat}, {@code flat-dhcp} or
 * {@code vlan}
 * @param driver the network driver: {@code noop} or {@code linux}
 */
@ConfigurationProperties("nova.network")
public record NetworkProperties(@DefaultValue("flat") String manager, @DefaultValue("noop") String driver) {

}

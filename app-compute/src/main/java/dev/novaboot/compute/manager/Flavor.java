package dev.novaboot.compute.manager;

/**
 * A size users boot with (Nova's flavor).
 *
 * @param id its id, as {@code flavorRef} names it
 * @param name such as {@code m1.small}
 * @param vcpus virtual CPUs
 * @param ram memory in MB
 * @param disk root disk in GB
 */
public record Flavor(String id, String name, int vcpus, int ram, int disk) {

}

package dev.novaboot.compute.driver;

/**
 * What a host offers to guests (Nova's {@code get_available_resource}).
 */
public record HostResources(int vcpus, int memoryMb, int localGb, String hypervisorType, String hypervisorVersion) {

}

package dev.novaboot.compute.store;

/**
 * What the live instances of a host hold.
 */
public record Usage(long vcpus, long memoryMb, long localGb, long instances) {

}

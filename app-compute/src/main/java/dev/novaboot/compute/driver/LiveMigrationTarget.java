package dev.novaboot.compute.driver;

/**
 * Where a live guest's state goes: the destination's answer to
 * {@link ComputeDriver#preLiveMigration}.
 *
 * @param uri a QEMU migration URI ({@code tcp:<address>:<port>}), or {@code null} for a
 * driver that needs none
 */
public record LiveMigrationTarget(String uri) {
}

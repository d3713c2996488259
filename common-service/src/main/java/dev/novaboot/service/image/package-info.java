/**
 * The suite's image store: the disk images that compute hosts boot and that volumes are
 * made from and uploaded to, one file per image in a directory that every host of the
 * suite mounts (Glance's filesystem store, without Glance).
 */
package dev.novaboot.service.image;

package dev.novaboot.service.command;

import java.util.List;

/**
 * What a host command printed, once it exited with status 0.
 */
public record CommandResult(List<String> command, String stdout, String stderr) {

}

package dev.novaboot.compute.api.dashboard;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The login form: Keystone's user name, password and project, in the Default domain. */
record LoginForm(@NotBlank @Size(max = 255) String user, @NotBlank @Size(max = 4096) String password,
		@NotBlank @Size(max = 64) String project) {
}

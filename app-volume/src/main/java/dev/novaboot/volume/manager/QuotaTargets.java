package dev.novaboot.volume.manager;

import java.util.regex.Pattern;

import dev.novaboot.service.auth.AuthProperties;
import dev.novaboot.service.auth.AuthStrategy;
import dev.novaboot.service.auth.identity.ProjectRepository;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The project a quota call names ({@code os-quota-sets/{target}}). With token
 * authentication the suite's identity knows every project, and a target it does not know
 * is {@code 404}, so that quotas are neither shown nor set for projects that do not exist;
 * the development {@code noauth} strategy has no project list, and any well-formed id goes.
 */
@Component
public class QuotaTargets {

	/** Keystone's hex ids and the names of development projects. */
	private static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9._@:-]{1,255}");

	private final boolean identityKnowsProjects;

	private final ObjectProvider<ProjectRepository> projects;

	QuotaTargets(AuthProperties auth, ObjectProvider<ProjectRepository> projects) {
		this.identityKnowsProjects = auth.strategy() == AuthStrategy.Choice.TOKEN;
		this.projects = projects;
	}

	public void check(String target) {
		if (!PROJECT_ID.matcher(target).matches()) {
			String shown = (target.length() <= 64) ? target : target.substring(0, 64) + "...";
			throw new InvalidInputException("'" + shown + "' is not a project id.");
		}
		ProjectRepository repository = this.projects.getIfAvailable();
		if (this.identityKnowsProjects && repository != null && !repository.existsById(target)) {
			throw new VolumeNotFoundException("Project " + target + " could not be found.");
		}
	}

}

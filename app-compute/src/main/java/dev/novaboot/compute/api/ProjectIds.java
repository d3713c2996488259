package dev.novaboot.compute.api;

import java.util.regex.Pattern;

import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.auth.AuthProperties;
import dev.novaboot.service.auth.AuthStrategy;
import dev.novaboot.service.auth.identity.ProjectRepository;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Nova's {@code identity.verify_project_id} for the project a quota call names: with token
 * authentication the suite's identity knows every project, and one it does not know is
 * Nova's 400 "Project ID ... is not a valid project."; the development {@code noauth}
 * strategy has no project list, so any well-formed id goes (as Nova when it cannot ask
 * Keystone).
 */
@Component
class ProjectIds {

	// Keystone's hex ids and the names development projects use
	private static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9._@:-]{1,255}");

	private final boolean identityKnowsProjects;

	private final ObjectProvider<ProjectRepository> projects;

	ProjectIds(AuthProperties auth, ObjectProvider<ProjectRepository> projects) {
		this.identityKnowsProjects = auth.strategy() == AuthStrategy.Choice.TOKEN;
		this.projects = projects;
	}

	void verify(String project) {
		ProjectRepository repository = this.projects.getIfAvailable();
		if (!PROJECT_ID.matcher(project).matches()
				|| (this.identityKnowsProjects && repository != null && !repository.existsById(project))) {
			throw new BadRequestException("Project ID " + ServerRequests.shown(project) + " is not a valid project.");
		}
	}

}

package dev.novaboot.compute.manager;

import java.util.regex.Pattern;

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
public class ProjectIds {

	// Keystone's hex ids and the names development projects use
	private static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9._@:-]{1,255}");

	private final boolean identityKnowsProjects;

	private final ObjectProvider<ProjectRepository> projects;

	ProjectIds(AuthProperties auth, ObjectProvider<ProjectRepository> projects) {
		this.identityKnowsProjects = auth.strategy() == AuthStrategy.Choice.TOKEN;
		this.projects = projects;
	}

	/** @throws InvalidProjectException if {@code project} is no project of this cloud */
	public void verify(String project) {
		ProjectRepository repository = this.projects.getIfAvailable();
		if (!PROJECT_ID.matcher(project).matches()
				|| (this.identityKnowsProjects && repository != null && !repository.existsById(project))) {
			String shown = (project.length() <= 64) ? project : project.substring(0, 64) + "...";
			throw new InvalidProjectException("Project ID " + shown + " is not a valid project.");
		}
	}

	/** Nova's answer to a project its identity does not know (400). */
	public static class InvalidProjectException extends RuntimeException {

		InvalidProjectException(String message) {
			super(message);
		}

	}

}

package dev.novaboot.compute.api.dashboard;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /dashboard/login}: Keystone's password flow through the identity API; the token
 * it answers goes into the session (a new session id, against fixation), never to the
 * browser.
 */
@Controller
class LoginPage {

	private final CloudApi cloud;

	private final SecurityContextRepository contexts;

	LoginPage(CloudApi cloud, SecurityContextRepository dashboardSecurityContextRepository) {
		this.cloud = cloud;
		this.contexts = dashboardSecurityContextRepository;
	}

	@GetMapping("/dashboard")
	String home() {
		return "redirect:/dashboard/services";
	}

	@GetMapping(DashboardSecurityConfiguration.LOGIN)
	String loginPage(Model model) {
		model.addAttribute("form", new LoginForm("", "", ""));
		return "dashboard/login";
	}

	@PostMapping(DashboardSecurityConfiguration.LOGIN)
	String login(@Valid LoginForm form, BindingResult errors, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		model.addAttribute("form", new LoginForm(form.user(), "", form.project()));
		if (errors.hasErrors()) {
			model.addAttribute("error", "User, password and project are all needed (a user name of 255 characters at most).");
			response.setStatus(400);
			return "dashboard/login";
		}
		DashboardUser user;
		try {
			user = this.cloud.login(form.user(), form.password(), form.project());
		}
		catch (CloudApiException ex) {
			model.addAttribute("error", (ex.status() == 401) ? "The user name, password or project is wrong."
					: "The identity service answered: " + ex.getMessage());
			response.setStatus((ex.status() == 401) ? 401 : 502);
			return "dashboard/login";
		}
		request.getSession(true);
		request.changeSessionId();
		List<SimpleGrantedAuthority> roles = user.roles().stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, roles));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		return "redirect:/dashboard/services";
	}

}

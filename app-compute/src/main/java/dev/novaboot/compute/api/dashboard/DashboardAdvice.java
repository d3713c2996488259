package dev.novaboot.compute.api.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every dashboard page shares: the logged-in user for the header, and an API's
 * refusal shown as a page with the API's own status and message (an expired token ends
 * the session and asks for a new login). Before the Compute API's fault advice, which
 * answers JSON.
 */
@ControllerAdvice(basePackageClasses = DashboardAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardAdvice {

	@ModelAttribute("me")
	DashboardUser me() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof DashboardUser user) ? user : null;
	}

	@ExceptionHandler(CloudApiException.class)
	String refused(CloudApiException ex, Model model, HttpServletRequest request, HttpServletResponse response) {
		if (ex.status() == 401) {
			new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
			return "redirect:" + DashboardSecurityConfiguration.LOGIN + "?expired";
		}
		response.setStatus(ex.status());
		model.addAttribute("me", me());
		model.addAttribute("status", ex.status());
		model.addAttribute("message", ex.getMessage());
		return "dashboard/error";
	}

	@ExceptionHandler(BadDashboardRequestException.class)
	String badRequest(BadDashboardRequestException ex, Model model, HttpServletResponse response) {
		response.setStatus(400);
		model.addAttribute("me", me());
		model.addAttribute("status", 400);
		model.addAttribute("message", ex.getMessage());
		return "dashboard/error";
	}

}

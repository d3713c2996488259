import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * Where an app's start-up goes, by Spring's own start-up steps: starts the app's main class
 * with a {@link BufferingApplicationStartup}, closes it once refreshed, and prints the steps
 * with the most self time (a step's duration less its children's: the bean's own work, not
 * its dependencies') and the auto-configurations and configuration classes whose beans cost
 * most together. Run by benchmarks/startup-profile.sh with the source launcher on the
 * extracted jar's class path; the app itself is not changed.
 */
public class StartupProfile {

	record Step(long id, Long parent, String name, String bean, long nanos) {
	}

	public static void main(String[] args) throws Exception {
		Class<?> main = Class.forName(args[0]);
		String[] appArgs = java.util.Arrays.copyOfRange(args, 1, args.length);
		BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
		SpringApplication application = new SpringApplication(main);
		application.setApplicationStartup(startup);
		long begin = System.nanoTime();
		ConfigurableApplicationContext context = application.run(appArgs);
		long total = System.nanoTime() - begin;
		List<Step> steps = new ArrayList<>();
		for (TimelineEvent event : startup.getBufferedTimeline().getEvents()) {
			StartupStep step = event.getStartupStep();
			// the bean's name, else the repository's interface, else the type looked up
			String bean = null;
			String type = null;
			for (StartupStep.Tag tag : step.getTags()) {
				switch (tag.getKey()) {
					case "beanName", "repository" -> bean = tag.getValue();
					case "beanType" -> type = tag.getValue();
					default -> {
					}
				}
			}
			bean = (bean != null) ? bean : type;
			steps.add(new Step(step.getId(), step.getParentId(), step.getName(), bean, event.getDuration().toNanos()));
		}
		context.close();
		Map<Long, Long> childNanos = new HashMap<>();
		for (Step step : steps) {
			if (step.parent() != null) {
				childNanos.merge(step.parent(), step.nanos(), Long::sum);
			}
		}
		System.out.printf("%nSpringApplication.run: %d ms, %d steps%n", total / 1_000_000, steps.size());
		System.out.println("\n| self ms | total ms | step | bean |\n|---|---|---|---|");
		steps.stream()
			.sorted(Comparator.comparingLong((Step s) -> s.nanos() - childNanos.getOrDefault(s.id(), 0L)).reversed())
			.limit(Integer.getInteger("top", 40))
			.forEach(s -> System.out.printf("| %d | %d | %s | %s |%n",
					(s.nanos() - childNanos.getOrDefault(s.id(), 0L)) / 1_000_000, s.nanos() / 1_000_000, s.name(),
					s.bean() == null ? "" : s.bean()));
		// self time of bean instantiations summed by the package of the bean's name or type:
		// which subsystems (Hibernate, Security, Tomcat, the app's own) cost most together
		Map<String, Long> byPackage = new HashMap<>();
		for (Step step : steps) {
			if (step.name().equals("spring.beans.instantiate") && step.bean() != null) {
				long self = step.nanos() - childNanos.getOrDefault(step.id(), 0L);
				byPackage.merge(area(step.bean()), self, Long::sum);
			}
		}
		System.out.println("\n| bean instantiation self ms | area |\n|---|---|");
		byPackage.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(25)
			.forEach(e -> System.out.printf("| %d | %s |%n", e.getValue() / 1_000_000, e.getKey()));
	}

	/** The first four parts of a bean's class name, or its name when it is not a class. */
	private static String area(String bean) {
		String[] parts = bean.split("\\.");
		if (parts.length < 3) {
			return "(named) " + bean;
		}
		return String.join(".", java.util.Arrays.copyOfRange(parts, 0, Math.min(4, parts.length - 1)));
	}

}

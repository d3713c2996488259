package dev.novaboot.service.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the calling thread prepares while it runs a piece of code:
 * Hibernate's, Spring Data's and {@code JdbcTemplate}'s alike, since the application's
 * {@link DataSource} is wrapped. Other threads (heartbeats, periodic tasks) do not count,
 * so a count is exact even while the app runs. {@code @Import(StatementCounter.Configuration.class)}
 * and inject the counter.
 */
public class StatementCounter {

	private final ThreadLocal<int[]> counting = new ThreadLocal<>();

	/** How many statements {@code work} prepared on this thread. */
	public int statements(Runnable work) {
		return counted(() -> {
			work.run();
			return null;
		}).statements();
	}

	/** What {@code work} returned and how many statements it prepared on this thread. */
	public <T> Counted<T> counted(Callable<T> work) {
		int[] count = new int[1];
		int[] outer = this.counting.get();
		this.counting.set(count);
		try {
			T result = work.call();
			return new Counted<>(result, count[0]);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			this.counting.set(outer);
			if (outer != null) {
				outer[0] += count[0];
			}
		}
	}

	private void prepared() {
		int[] count = this.counting.get();
		if (count != null) {
			count[0]++;
		}
	}

	DataSource wrap(DataSource target) {
		return new DelegatingDataSource(target) {

			@Override
			public Connection getConnection() throws SQLException {
				return counted(super.getConnection());
			}

			@Override
			public Connection getConnection(String username, String password) throws SQLException {
				return counted(super.getConnection(username, password));
			}

		};
	}

	private Connection counted(Connection connection) {
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					String name = method.getName();
					if (name.equals("prepareStatement") || name.equals("prepareCall")
							|| name.equals("createStatement")) {
						prepared();
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	/** A result and the statements that produced it. */
	public record Counted<T>(T result, int statements) {
	}

	/** Wraps the application's data source and provides the counter. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		static StatementCounter statementCounter() {
			return new StatementCounter();
		}

		@Bean
		static BeanPostProcessor statementCountingDataSource(org.springframework.beans.factory.ObjectProvider<StatementCounter> counter) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource))
							? counter.getObject().wrap(dataSource) : bean;
				}

			};
		}

	}

}

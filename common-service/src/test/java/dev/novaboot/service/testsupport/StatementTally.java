package dev.novaboot.service.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * For benchmarks: counts the SQL statements an app sends and the transactions it commits,
 * by wrapping its {@link DataSource}. A statement is a {@code prepareStatement} (JDBC
 * templates and Hibernate prepare one per execution) or an execution of a plain
 * {@code Statement}; a transaction is a {@code commit()} or a statement run in
 * auto-commit mode. Add it with {@code SpringApplicationBuilder.initializers(counter)}.
 * (The app's totals over every thread; {@link StatementCounter} counts one thread's.)
 */
public class StatementTally implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private final LongAdder statements = new LongAdder();

	private final LongAdder transactions = new LongAdder();

	public long statements() {
		return this.statements.sum();
	}

	public long transactions() {
		return this.transactions.sum();
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DataSource dataSource && !(bean instanceof Counting)) ? new Counting(dataSource)
						: bean;
			}
		});
	}

	private final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws java.sql.SQLException {
			return wrap(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws java.sql.SQLException {
			return wrap(super.getConnection(username, password));
		}

		private Connection wrap(Connection connection) {
			InvocationHandler handler = (proxy, method, args) -> {
				String name = method.getName();
				if (name.equals("prepareStatement") || name.equals("prepareCall")) {
					StatementTally.this.statements.increment();
					if (connection.getAutoCommit()) {
						StatementTally.this.transactions.increment();
					}
				}
				else if (name.equals("commit")) {
					StatementTally.this.transactions.increment();
				}
				Object result = invoke(method, connection, args);
				if (result instanceof Statement statement && name.equals("createStatement")) {
					return countingExecutions(statement, connection);
				}
				return result;
			};
			return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
					handler);
		}

		private Statement countingExecutions(Statement statement, Connection connection) {
			InvocationHandler handler = (proxy, method, args) -> {
				if (method.getName().startsWith("execute")) {
					StatementTally.this.statements.increment();
					if (connection.getAutoCommit()) {
						StatementTally.this.transactions.increment();
					}
				}
				return invoke(method, statement, args);
			};
			return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Statement.class },
					handler);
		}

		private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

	}

}

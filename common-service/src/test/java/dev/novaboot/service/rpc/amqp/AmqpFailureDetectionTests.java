package dev.novaboot.service.rpc.amqp;

import java.time.Duration;

import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AmqpFailureDetectionTests {

	@Test
	void theHeartbeatIsHalfTheDownTimeAndTheConnectionTimeoutTwiceTheHeartbeat() {
		AmqpFailureDetection detection = AmqpFailureDetection.of(Duration.ofSeconds(5), null, null);
		assertThat(detection.heartbeat()).isEqualTo(Duration.ofSeconds(2));
		assertThat(detection.connectionTimeout()).isEqualTo(Duration.ofSeconds(4));
	}

	@Test
	void theHeartbeatStaysBetweenOneAndTenSeconds() {
		// Nova's default service_down_time of 60 s
		assertThat(AmqpFailureDetection.of(Duration.ofSeconds(60), null, null).heartbeat())
			.isEqualTo(Duration.ofSeconds(10));
		assertThat(AmqpFailureDetection.of(Duration.ofMillis(1500), null, null).heartbeat())
			.isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void whatTheSpringRabbitmqPropertiesSayWins() {
		AmqpFailureDetection detection = AmqpFailureDetection.of(Duration.ofSeconds(60), Duration.ofSeconds(30),
				Duration.ofSeconds(7));
		assertThat(detection.heartbeat()).isEqualTo(Duration.ofSeconds(30));
		assertThat(detection.connectionTimeout()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void theRabbitClientAsksForTheHeartbeatAndWaitsForTheConnectionTimeout() {
		ConnectionFactory connectionFactory = new ConnectionFactory();
		AmqpFailureDetection.of(Duration.ofSeconds(5), null, null).customize(connectionFactory);
		assertThat(connectionFactory.getRequestedHeartbeat()).isEqualTo(2);
		assertThat(connectionFactory.getConnectionTimeout()).isEqualTo(4000);
	}

}

package dev.novaboot.service.rpc;

import dev.novaboot.sample.SampleManager;
import dev.novaboot.sample.SampleRpcApi;
import dev.novaboot.service.context.RequestContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The conventions every RPC contract follows, checked before any message is sent.
 */
class RpcContractsTests {

	@Test
	void readsTopicVersionAndMethodsOfAContract() {
		assertThat(RpcContracts.apiOf(SampleRpcApi.class).topic()).isEqualTo("sample");
		assertThat(RpcContracts.methodsOf(SampleRpcApi.class)).containsOnlyKeys("greet", "fail", "sleep", "note");
		assertThat(RpcContracts.major("1.2")).isEqualTo("1");
		assertThat(RpcContracts.major("3")).isEqualTo("3");
	}

	@Test
	void refusesWhatIsNotAContract() {
		assertThatIllegalArgumentException().isThrownBy(() -> RpcContracts.apiOf(SampleManager.class))
			.withMessageContaining("not an RPC contract");
		assertThatIllegalArgumentException().isThrownBy(() -> RpcContracts.apiOf(Runnable.class))
			.withMessageContaining("not an RPC contract");
	}

	@Test
	void refusesMethodsWithoutTheRequestContextFirst() {
		assertThatIllegalArgumentException().isThrownBy(() -> RpcContracts.apiOf(NoContext.class))
			.withMessageContaining("NoContext.resize must take a RequestContext as its first parameter");
	}

	@Test
	void refusesOverloads() {
		assertThatIllegalArgumentException().isThrownBy(() -> RpcContracts.apiOf(Overloaded.class))
			.withMessageContaining("overloads attach");
	}

	@RpcApi(topic = "broken")
	interface NoContext {

		void resize(String volume, RequestContext context);

	}

	@RpcApi(topic = "broken")
	interface Overloaded {

		void attach(RequestContext context, String volume);

		void attach(RequestContext context, String volume, String device);

	}

}

package io.catalog.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.catalog.k8s.Flows.Peer;

/**
 * Default-deny in both directions, then exactly the flows the architecture needs: each is allowed, and the flows
 * nearest to them that it does not need are refused.
 */
class NetworkFlowsTest {

	static final Peer INGRESS_CONTROLLER = new Peer("ingress controller",
			Map.of("kubernetes.io/metadata.name", "ingress-nginx"), Map.of("app.kubernetes.io/name", "ingress-nginx"),
			null);

	static final Peer DNS = new Peer("cluster DNS", Map.of("kubernetes.io/metadata.name", "kube-system"),
			Map.of("k8s-app", "kube-dns"), null);

	static final Peer KUBE_API = Peer.external("192.0.2.1");

	static final Peer S3 = Peer.external("192.0.2.10");

	static final Peer POSTGRES = Peer.external("192.0.2.20");

	static final Peer INTERNET = Peer.external("203.0.113.5");

	static final List<String> WORKERS = List.of("ingestor", "archive-connector", "job-launcher");

	static List<String> overlays() {
		return Rendered.OVERLAYS;
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void aDefaultDenyCoversEveryPodInBothDirections(String overlay) {
		var rendered = Overlays.named(overlay);
		assertThat(rendered.ofKind("NetworkPolicy")).anySatisfy(p -> {
			assertThat(p.path("spec").path("podSelector").isEmpty()).as("empty pod selector").isTrue();
			assertThat(p.path("spec").path("policyTypes").toString()).contains("Ingress", "Egress");
			assertThat(p.path("spec").path("ingress").isEmpty()).isTrue();
			assertThat(p.path("spec").path("egress").isEmpty()).isTrue();
		});
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyPodIsSelectedByAPolicyOfItsOwn(String overlay) {
		var rendered = Overlays.named(overlay);
		for (var pod : Pods.of(rendered)) {
			assertThat(rendered.ofKind("NetworkPolicy"))
				.as("%s: a NetworkPolicy selecting %s by its labels", rendered, pod.name())
				.anyMatch(p -> !p.path("spec").path("podSelector").isEmpty()
						&& Flows.matches(p.path("spec").path("podSelector"), pod.labels()));
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyPodReachesClusterDnsAndNothingOutsideItsFlows(String overlay) {
		var rendered = Overlays.named(overlay);
		var flows = new Flows(rendered, Pods.NAMESPACE);
		for (var pod : Pods.of(rendered)) {
			assertThat(flows.allows(pod, DNS, 53, "UDP")).as("%s -> DNS", pod.name()).isTrue();
			assertThat(flows.allows(pod, INTERNET, 443)).as("%s -> the internet", pod.name()).isFalse();
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void theIngressControllerReachesTheApiAndKeycloakOnly(String overlay) {
		var rendered = Overlays.named(overlay);
		var flows = new Flows(rendered, Pods.NAMESPACE);
		assertThat(flows.allows(INGRESS_CONTROLLER, api(rendered), port(rendered, "catalog-api"))).isTrue();
		assertThat(flows.allows(INGRESS_CONTROLLER, Pods.named(rendered, "keycloak"), port(rendered, "keycloak"))).isTrue();
		assertThat(flows.allows(INGRESS_CONTROLLER, Pods.named(rendered, "ingestor"), port(rendered, "ingestor"))).isFalse();
		assertThat(flows.allows(INGRESS_CONTROLLER, Pods.named(rendered, "archive-connector"), port(rendered, "archive-connector"))).isFalse();
		assertThat(flows.allows(INGRESS_CONTROLLER, Pods.named(rendered, "job-launcher"), port(rendered, "job-launcher"))).isFalse();
		assertThat(flows.allows(INGRESS_CONTROLLER, broker(rendered), kafkaPort(rendered))).isFalse();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void catalogApiReachesKafkaKeycloakAndItsStoreOnly(String overlay) {
		var rendered = Overlays.named(overlay);
		var flows = new Flows(rendered, Pods.NAMESPACE);
		var api = api(rendered);
		assertThat(flows.allows(api, broker(rendered), kafkaPort(rendered))).isTrue();
		assertThat(flows.allows(api, Pods.named(rendered, "keycloak"), port(rendered, "keycloak"))).isTrue();
		assertThat(flows.allows(api, KUBE_API, 443)).isFalse();
		assertThat(flows.allows(api, S3, 443)).isFalse();
		assertThat(flows.allows(api, Pods.named(rendered, "ingestor"), port(rendered, "ingestor"))).isFalse();
		assertThat(flows.allows(api, Pods.named(rendered, "job-launcher"), port(rendered, "job-launcher")))
			.as("the launcher's tools, listed through the catalog").isTrue();
		if (!rendered.ofKind("MongoDBCommunity").isEmpty()) {
			var mongodb = Pods.named(rendered, "catalog-mongodb");
			assertThat(flows.allows(api, mongodb, 27017)).isTrue();
			assertThat(flows.allows(mongodb, mongodb, 27017)).as("replica set members to each other").isTrue();
			for (var other : List.of("ingestor", "archive-connector", "job-launcher", "keycloak")) {
				assertThat(flows.allows(Pods.named(rendered, other), mongodb, 27017)).as("%s -> MongoDB", other).isFalse();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void workersReachTheApiAndKafkaButNotKeycloak(String overlay) {
		var rendered = Overlays.named(overlay);
		var flows = new Flows(rendered, Pods.NAMESPACE);
		for (var name : WORKERS) {
			var worker = Pods.named(rendered, name);
			assertThat(flows.allows(worker, api(rendered), port(rendered, "catalog-api"))).as("%s -> catalog-api", name).isTrue();
			assertThat(flows.allows(worker, broker(rendered), kafkaPort(rendered))).as("%s -> Kafka", name).isTrue();
			assertThat(flows.allows(worker, Pods.named(rendered, "keycloak"), port(rendered, "keycloak"))).as("%s -> Keycloak", name).isFalse();
		}
		assertThat(flows.allows(Pods.named(rendered, "keycloak"), broker(rendered), kafkaPort(rendered))).isFalse();
		assertThat(flows.allows(broker(rendered), api(rendered), port(rendered, "catalog-api"))).isFalse();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void onlyTheArchiveConnectorReachesS3AndOnlyTheLauncherTheKubernetesApi(String overlay) {
		var rendered = Overlays.named(overlay);
		var flows = new Flows(rendered, Pods.NAMESPACE);
		assertThat(flows.allows(Pods.named(rendered, "archive-connector"), S3, 443)).isTrue();
		assertThat(flows.allows(Pods.named(rendered, "job-launcher"), KUBE_API, 443)).isTrue();
		assertThat(flows.allows(Pods.named(rendered, "keycloak"), POSTGRES, 5432)).isTrue();
		assertThat(flows.allows(Pods.named(rendered, "ingestor"), S3, 443)).isFalse();
		assertThat(flows.allows(Pods.named(rendered, "ingestor"), KUBE_API, 443)).isFalse();
		assertThat(flows.allows(Pods.named(rendered, "archive-connector"), KUBE_API, 443)).isFalse();
		assertThat(flows.allows(Pods.named(rendered, "job-launcher"), S3, 443)).isFalse();
	}

	/** The port a workload's first container listens on: its http port, which is also its PORT. */
	static int port(Rendered rendered, String name) {
		var workload = rendered.workloads().stream()
			.filter(w -> Rendered.name(w).equals(name))
			.findFirst()
			.orElseThrow();
		var container = HouseRulesTest.pod(workload).path("containers").get(0);
		return Containers.port(container, new com.fasterxml.jackson.databind.node.TextNode("http"));
	}

	/** The port of the Kafka listener the services use (the first). */
	static int kafkaPort(Rendered rendered) {
		return rendered.get("Kafka", "catalog-kafka").path("spec").path("kafka").path("listeners").get(0).path("port").asInt();
	}

	static Peer api(Rendered rendered) {
		return Pods.named(rendered, "catalog-api");
	}

	static Peer broker(Rendered rendered) {
		return Pods.of(rendered).stream()
			.filter(p -> "true".equals(p.labels().get("strimzi.io/broker-role")))
			.findFirst()
			.orElseThrow();
	}

}

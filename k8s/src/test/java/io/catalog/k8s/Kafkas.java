package io.catalog.k8s;

/** Facts about the rendered Kafka cluster that several checks need. */
final class Kafkas {

	private Kafkas() {
	}

	/** The broker replicas over all node pools. */
	static int brokers(Rendered rendered) {
		return replicasWithRole(rendered, "broker");
	}

	/** The controller replicas over all node pools. */
	static int controllers(Rendered rendered) {
		return replicasWithRole(rendered, "controller");
	}

	private static int replicasWithRole(Rendered rendered, String role) {
		return rendered.ofKind("KafkaNodePool").stream()
			.filter(p -> p.path("spec").path("roles").toString().contains("\"" + role + "\""))
			.mapToInt(p -> p.path("spec").path("replicas").asInt())
			.sum();
	}

}

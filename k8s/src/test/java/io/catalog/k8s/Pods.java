package io.catalog.k8s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The pods an overlay makes, with their labels: those of our workloads' templates, and those the operators make
 * from their resources (Strimzi's Kafka nodes and entity operator, the MongoDB replica set members), labelled as
 * the operators label them.
 */
final class Pods {

	static final String NAMESPACE = "catalog";

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private Pods() {
	}

	static List<Flows.Peer> of(Rendered rendered) {
		var pods = new ArrayList<Flows.Peer>();
		for (var workload : rendered.workloads()) {
			pods.add(Flows.Peer.pod(Rendered.id(workload), NAMESPACE, labels(workload.path("spec").path("template"))));
		}
		for (var pool : rendered.ofKind("KafkaNodePool")) {
			var cluster = pool.path("metadata").path("labels").path("strimzi.io/cluster").asText();
			var roles = pool.path("spec").path("roles").toString();
			var labels = new HashMap<String, String>();
			labels.put("strimzi.io/cluster", cluster);
			labels.put("strimzi.io/kind", "Kafka");
			labels.put("strimzi.io/name", cluster + "-kafka");
			labels.put("strimzi.io/pool-name", Rendered.name(pool));
			labels.put("strimzi.io/broker-role", String.valueOf(roles.contains("\"broker\"")));
			labels.put("strimzi.io/controller-role", String.valueOf(roles.contains("\"controller\"")));
			pods.add(Flows.Peer.pod("KafkaNodePool/" + Rendered.name(pool), NAMESPACE, labels));
		}
		for (var kafka : rendered.ofKind("Kafka")) {
			if (kafka.path("spec").has("entityOperator")) {
				var cluster = Rendered.name(kafka);
				pods.add(Flows.Peer.pod("Kafka/" + cluster + " entity operator", NAMESPACE,
						Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka", "strimzi.io/name",
								cluster + "-entity-operator")));
			}
		}
		for (var mongodb : rendered.ofKind("MongoDBCommunity")) {
			pods.add(Flows.Peer.pod("MongoDBCommunity/" + Rendered.name(mongodb), NAMESPACE,
					Map.of("app", Rendered.name(mongodb) + "-svc")));
		}
		return pods;
	}

	static Flows.Peer named(Rendered rendered, String name) {
		return of(rendered).stream()
			.filter(p -> p.name().endsWith("/" + name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(rendered + ": no pods of " + name));
	}

	static Map<String, String> labels(JsonNode template) {
		@SuppressWarnings("unchecked")
		Map<String, String> labels = MAPPER.convertValue(template.path("metadata").path("labels"), Map.class);
		return labels == null ? Map.of() : labels;
	}

}

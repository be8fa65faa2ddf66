package io.catalog.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The operators' resources (Strimzi's Kafka, KafkaNodePool and KafkaTopic, the MongoDB Community Operator's
 * MongoDBCommunity): no model of them is at hand offline, so each is checked for its apiVersion, kind and the fields
 * its operator requires, by the rules of the operators' CRDs. Each check returns the faults it found.
 */
final class CustomResources {

	static final Set<String> KINDS = Set.of("kafka.strimzi.io/v1beta2/Kafka", "kafka.strimzi.io/v1beta2/KafkaNodePool",
			"kafka.strimzi.io/v1beta2/KafkaTopic", "mongodbcommunity.mongodb.com/v1/MongoDBCommunity");

	private static final Pattern LISTENER_NAME = Pattern.compile("^[a-z0-9]{1,11}$");

	private static final Set<String> LISTENER_TYPES = Set.of("internal", "route", "loadbalancer", "nodeport", "ingress",
			"cluster-ip");

	private static final Set<Integer> STRIMZI_PORTS = Set.of(9090, 9091, 8443, 9404);

	private static final Set<String> STORAGE_TYPES = Set.of("jbod", "persistent-claim", "ephemeral");

	private static final Set<String> SCRAM_MODES = Set.of("SCRAM", "SCRAM-SHA-1", "SCRAM-SHA-256", "X509");

	private CustomResources() {
	}

	static String key(JsonNode object) {
		return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
	}

	/** Every fault of one custom resource, each prefixed with the object's kind and name. */
	static List<String> check(JsonNode object, Rendered rendered) {
		var faults = new ArrayList<String>();
		switch (key(object)) {
			case "kafka.strimzi.io/v1beta2/Kafka" -> kafka(object, faults);
			case "kafka.strimzi.io/v1beta2/KafkaNodePool" -> nodePool(object, rendered, faults);
			case "kafka.strimzi.io/v1beta2/KafkaTopic" -> topic(object, rendered, faults);
			case "mongodbcommunity.mongodb.com/v1/MongoDBCommunity" -> mongodb(object, faults);
			default -> faults.add("not a resource of an operator this deployment uses: " + key(object));
		}
		return faults.stream().map(f -> Rendered.id(object) + ": " + f).toList();
	}

	private static void kafka(JsonNode kafka, List<String> faults) {
		var annotations = kafka.path("metadata").path("annotations");
		require(annotations.path("strimzi.io/node-pools").asText().equals("enabled"),
				"annotation strimzi.io/node-pools must be enabled (brokers and controllers are KafkaNodePools)", faults);
		require(annotations.path("strimzi.io/kraft").asText().equals("enabled"),
				"annotation strimzi.io/kraft must be enabled (KRaft, no ZooKeeper)", faults);
		var spec = kafka.path("spec");
		require(spec.path("zookeeper").isMissingNode(), "spec.zookeeper is ZooKeeper mode, not KRaft", faults);
		var broker = spec.path("kafka");
		require(broker.isObject(), "spec.kafka is required", faults);
		require(broker.path("replicas").isMissingNode() && broker.path("storage").isMissingNode(),
				"spec.kafka.replicas and spec.kafka.storage belong to the KafkaNodePools", faults);
		var listeners = broker.path("listeners");
		require(listeners.isArray() && !listeners.isEmpty(), "spec.kafka.listeners is required", faults);
		for (var listener : listeners) {
			var name = listener.path("name").asText();
			require(LISTENER_NAME.matcher(name).matches(), "listener name '" + name + "' must be 1-11 of a-z0-9", faults);
			var port = listener.path("port");
			require(port.isInt() && port.asInt() >= 9092 && !STRIMZI_PORTS.contains(port.asInt()),
					"listener " + name + ": port must be 9092 or above and not one Strimzi reserves", faults);
			require(LISTENER_TYPES.contains(listener.path("type").asText()), "listener " + name + ": unknown type", faults);
			require(listener.path("tls").isBoolean(), "listener " + name + ": tls (boolean) is required", faults);
		}
		var config = broker.path("config");
		int replication = config.path("default.replication.factor").asInt(1);
		require(config.path("min.insync.replicas").asInt(1) <= replication,
				"min.insync.replicas exceeds default.replication.factor", faults);
	}

	private static void nodePool(JsonNode pool, Rendered rendered, List<String> faults) {
		cluster(pool, rendered, faults);
		var spec = pool.path("spec");
		require(spec.path("replicas").isInt() && spec.path("replicas").asInt() >= 1, "spec.replicas (>= 1) is required",
				faults);
		var roles = spec.path("roles");
		require(roles.isArray() && !roles.isEmpty(), "spec.roles is required", faults);
		roles.forEach(r -> require(Set.of("broker", "controller").contains(r.asText()), "unknown role " + r, faults));
		var storage = spec.path("storage");
		require(STORAGE_TYPES.contains(storage.path("type").asText()), "spec.storage.type is required", faults);
		if (storage.path("type").asText().equals("jbod")) {
			require(storage.path("volumes").isArray() && !storage.path("volumes").isEmpty(), "jbod needs volumes", faults);
			for (var volume : storage.path("volumes")) {
				require(volume.path("id").isInt() && STORAGE_TYPES.contains(volume.path("type").asText())
						&& !volume.path("type").asText().equals("jbod"), "a jbod volume needs an id and a type", faults);
				if (volume.path("type").asText().equals("persistent-claim")) {
					require(volume.path("size").isTextual(), "a persistent-claim volume needs a size", faults);
				}
			}
		}
	}

	private static void topic(JsonNode topic, Rendered rendered, List<String> faults) {
		cluster(topic, rendered, faults);
		var spec = topic.path("spec");
		require(spec.path("partitions").isInt() && spec.path("partitions").asInt() >= 1, "spec.partitions >= 1", faults);
		var replicas = spec.path("replicas");
		require(replicas.isMissingNode() || replicas.asInt() <= Kafkas.brokers(rendered),
				"spec.replicas exceeds the brokers", faults);
	}

	private static void cluster(JsonNode object, Rendered rendered, List<String> faults) {
		var cluster = object.path("metadata").path("labels").path("strimzi.io/cluster").asText();
		require(rendered.find("Kafka", cluster).isPresent(), "label strimzi.io/cluster names no Kafka: '" + cluster + "'",
				faults);
	}

	private static void mongodb(JsonNode mongodb, List<String> faults) {
		var spec = mongodb.path("spec");
		var members = spec.path("members");
		require(members.isInt() && members.asInt() >= 1 && members.asInt() % 2 == 1,
				"spec.members must be an odd number (a majority survives one loss)", faults);
		require(spec.path("type").asText().equals("ReplicaSet"), "spec.type must be ReplicaSet", faults);
		require(spec.path("version").isTextual(), "spec.version (a string) is required", faults);
		var modes = spec.path("security").path("authentication").path("modes");
		require(modes.isArray() && !modes.isEmpty(), "spec.security.authentication.modes is required", faults);
		modes.forEach(m -> require(SCRAM_MODES.contains(m.asText()), "unknown authentication mode " + m, faults));
		var users = spec.path("users");
		require(users.isArray() && !users.isEmpty(), "spec.users is required", faults);
		for (var user : users) {
			var name = user.path("name").asText();
			require(!name.isEmpty() && user.path("db").isTextual(), "a user needs name and db", faults);
			require(user.path("passwordSecretRef").path("name").isTextual(), name + ": passwordSecretRef.name", faults);
			require(user.path("scramCredentialsSecretName").isTextual(), name + ": scramCredentialsSecretName", faults);
			require(user.path("roles").isArray() && !user.path("roles").isEmpty(), name + ": roles are required", faults);
			user.path("roles").forEach(r -> require(r.path("name").isTextual() && r.path("db").isTextual(),
					name + ": a role needs name and db", faults));
		}
	}

	private static void require(boolean condition, String fault, List<String> faults) {
		if (!condition) {
			faults.add(fault);
		}
	}

}

package io.catalog.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ha: three catalog-api replicas under an HPA on a three-member MongoDB replica set, Kafka with three controllers
 * and three brokers, every replicated workload spread out.
 */
class HaOverlayTest {

	private Rendered rendered;

	@BeforeEach
	void render() {
		rendered = Overlays.named("ha");
	}

	@Test
	void catalogApiRunsThreeReplicasUnderAnAutoscaler() {
		var deployment = rendered.get("Deployment", "catalog-api");
		assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(3);
		var hpa = rendered.get("HorizontalPodAutoscaler", "catalog-api").path("spec");
		assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo("catalog-api");
		assertThat(hpa.path("minReplicas").asInt()).isEqualTo(3);
		assertThat(hpa.path("maxReplicas").asInt()).isGreaterThan(3);
		var spread = HouseRulesTest.pod(deployment).path("topologySpreadConstraints");
		assertThat(spread).as("never two more replicas on one node than on another").anySatisfy(c -> {
			assertThat(c.path("topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
			assertThat(c.path("whenUnsatisfiable").asText()).isEqualTo("DoNotSchedule");
			assertThat(c.path("maxSkew").asInt()).isEqualTo(1);
		});
		assertThat(HouseRulesTest.pod(deployment).path("affinity").path("podAntiAffinity")
			.has("requiredDuringSchedulingIgnoredDuringExecution"))
			.as("a required anti-affinity would need a fourth node for a rolling update's extra pod")
			.isFalse();
		assertThat(deployment.path("spec").path("strategy").path("rollingUpdate").path("maxUnavailable").asInt())
			.isZero();
	}

	@Test
	void everyReplicatedWorkloadIsSpreadOverNodesAndZones() {
		for (var workload : rendered.workloads()) {
			assertThat(workload.path("spec").path("replicas").asInt(1)).as(Rendered.id(workload)).isGreaterThan(1);
			var pod = HouseRulesTest.pod(workload);
			assertThat(pod.path("affinity").path("podAntiAffinity").findValuesAsText("topologyKey"))
				.as(Rendered.id(workload)).contains("kubernetes.io/hostname");
			assertThat(pod.path("topologySpreadConstraints").findValuesAsText("topologyKey"))
				.as(Rendered.id(workload)).contains("topology.kubernetes.io/zone");
		}
	}

	@Test
	void kafkaHasThreeControllersAndThreeBrokersAndAcknowledgedWritesSurviveABroker() {
		assertThat(Kafkas.controllers(rendered)).isEqualTo(3);
		assertThat(Kafkas.brokers(rendered)).isEqualTo(3);
		var config = rendered.get("Kafka", "catalog-kafka").path("spec").path("kafka").path("config");
		assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
		assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
	}

	@Test
	void catalogApisMongoUriAgreesWithTheReplicaSet() {
		var mongodb = rendered.get("MongoDBCommunity", "catalog-mongodb");
		var name = Rendered.name(mongodb);
		var members = mongodb.path("spec").path("members").asInt();
		assertThat(members).isEqualTo(3);
		var user = mongodb.path("spec").path("users").get(0);
		var container = Containers.main(rendered, "Deployment", "catalog-api");
		var uri = Containers.env(container, "MONGODB_URI").orElseThrow();
		var hosts = String.join(",", IntStream.range(0, members)
			.mapToObj(i -> name + "-" + i + "." + name + "-svc:27017")
			.toList());
		var database = user.path("roles").get(0).path("db").asText();
		assertThat(uri).isEqualTo("mongodb://" + user.path("name").asText() + ":$(MONGODB_PASSWORD)@" + hosts + "/"
				+ database + "?replicaSet=" + name + "&authSource=" + user.path("db").asText());
		assertThat(database).as("SciCat's database").isEqualTo("scicat");
		var password = Containers.envEntry(container, "MONGODB_PASSWORD").orElseThrow().path("valueFrom")
			.path("secretKeyRef");
		assertThat(password.path("name").asText()).isEqualTo(user.path("passwordSecretRef").path("name").asText());
		var names = container.path("env").findValuesAsText("name");
		assertThat(names.indexOf("MONGODB_PASSWORD")).as("defined before the URI that expands it")
			.isLessThan(names.indexOf("MONGODB_URI"));
	}

	@Test
	void theReplicaSetAndKeycloakSurviveTheLossOfOneMember() {
		assertThat(rendered.ofKind("PodDisruptionBudget")).anySatisfy(pdb -> assertThat(
				pdb.path("spec").path("selector").path("matchLabels").path("app").asText()).isEqualTo("catalog-mongodb-svc"));
		assertThat(rendered.get("Deployment", "keycloak").path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(2);
		for (var name : List.of("catalog-api", "keycloak")) {
			assertThat(rendered.get("PodDisruptionBudget", name).path("spec").path("maxUnavailable").asInt()).isEqualTo(1);
		}
	}

}

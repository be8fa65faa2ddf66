package io.catalog.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rendered object is one the cluster would take: built-in kinds read strictly into the fabric8 Kubernetes
 * model, the operators' resources have their kinds' required fields, and no two objects share a kind and name.
 */
class OverlayModelTest {

	static List<String> overlays() {
		return Rendered.OVERLAYS;
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyBuiltInObjectReadsStrictlyIntoTheKubernetesModel(String overlay) {
		var rendered = Overlays.named(overlay);
		var builtIn = rendered.objects().stream().filter(StrictModel::isBuiltIn).toList();
		assertThat(builtIn).isNotEmpty();
		builtIn.forEach(StrictModel::read);
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyOperatorResourceIsOfAKnownKindWithItsRequiredFields(String overlay) {
		var rendered = Overlays.named(overlay);
		var faults = new ArrayList<String>();
		rendered.objects().stream()
			.filter(o -> !StrictModel.isBuiltIn(o))
			.forEach(o -> faults.addAll(CustomResources.check(o, rendered)));
		assertThat(faults).as(rendered.overlay()).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void kafkaHasBrokersAnOddNumberOfControllersAndReplicationItCanMeet(String overlay) {
		var rendered = Overlays.named(overlay);
		assertThat(rendered.ofKind("Kafka")).hasSize(1);
		var brokers = Kafkas.brokers(rendered);
		var controllers = Kafkas.controllers(rendered);
		assertThat(brokers).isPositive();
		assertThat(controllers % 2).as("controllers: %s", controllers).isEqualTo(1);
		var config = rendered.ofKind("Kafka").get(0).path("spec").path("kafka").path("config");
		for (var key : List.of("default.replication.factor", "offsets.topic.replication.factor",
				"transaction.state.log.replication.factor")) {
			assertThat(config.path(key).asInt()).as(key).isBetween(1, brokers);
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyObjectIsNamedOncePerKindAndLivesInTheCatalogNamespace(String overlay) {
		var rendered = Overlays.named(overlay);
		var seen = new HashSet<String>();
		for (var object : rendered.objects()) {
			assertThat(seen.add(Rendered.id(object))).as("%s twice", Rendered.id(object)).isTrue();
			if (!object.path("kind").asText().equals("Namespace")) {
				assertThat(object.path("metadata").path("namespace").asText()).as(Rendered.id(object))
					.isEqualTo(Pods.NAMESPACE);
			}
		}
		assertThat(rendered.find("Namespace", Pods.NAMESPACE)).isPresent();
	}

}

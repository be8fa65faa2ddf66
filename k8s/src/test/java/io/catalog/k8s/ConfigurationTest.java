package io.catalog.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rendered deployment agrees with the services it runs: configuration files where the variables point, the
 * actuator's health groups on the port the service listens on, every Kafka topic a service uses declared, and the
 * references between objects resolving.
 */
class ConfigurationTest {

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	static final Map<String, String> MODULES = Map.of("catalog/catalog-api", "catalog-api", "catalog/ingestor",
			"ingestor", "catalog/archive-connector", "archive-connector", "catalog/job-launcher", "job-launcher");

	static List<String> overlays() {
		return Rendered.OVERLAYS;
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyFileVariableOfCatalogApiNamesAFileOfAMountedVolume(String overlay) {
		var rendered = Overlays.named(overlay);
		var container = Containers.main(rendered, "Deployment", "catalog-api");
		var deployment = rendered.get("Deployment", "catalog-api");
		var files = 0;
		for (var env : container.path("env")) {
			if (!env.path("name").asText().endsWith("_FILE")) {
				continue;
			}
			files++;
			var path = Path.of(env.path("value").asText());
			var mount = Containers.mountOf(container, path.getParent().toString())
				.orElseThrow(() -> new AssertionError(env.path("name").asText() + ": nothing mounted at " + path.getParent()));
			var volume = HouseRulesTest.volume(deployment, mount.path("name").asText());
			var key = path.getFileName().toString();
			if (volume.has("configMap")) {
				var configMap = rendered.get("ConfigMap", volume.path("configMap").path("name").asText());
				assertThat(configMap.path("data").has(key)).as("%s: key %s", Rendered.id(configMap), key).isTrue();
			}
			else {
				assertThat(volume.has("secret")).as("%s is a ConfigMap or a Secret", mount.path("name").asText()).isTrue();
				assertThat(Secrets.documented()).containsKey(volume.path("secret").path("secretName").asText());
				assertThat(Secrets.documented().get(volume.path("secret").path("secretName").asText())).contains(key);
			}
		}
		assertThat(files).as("SciCat's configuration files").isGreaterThanOrEqualTo(7);
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyServiceProbesItsActuatorHealthGroupsOnThePortItListensOn(String overlay) {
		var rendered = Overlays.named(overlay);
		HouseRulesTest.forEachContainer(rendered, (workload, container) -> {
			var module = MODULES.get(container.path("image").asText().replaceAll(":.*", ""));
			if (module == null) {
				return;
			}
			var where = HouseRulesTest.where(workload, container);
			var port = Integer.parseInt(Containers.env(container, "PORT").orElseThrow());
			assertThat(Containers.env(container, "BIND_ADDRESS")).as(where).contains("0.0.0.0");
			for (var probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
				var get = container.path(probe).path("httpGet");
				var group = probe.equals("readinessProbe") ? "readiness" : "liveness";
				assertThat(get.path("path").asText()).as("%s %s", where, probe).isEqualTo("/actuator/health/" + group);
				assertThat(Containers.port(container, get.path("port"))).as("%s %s", where, probe).isEqualTo(port);
			}
			var enabledInYml = Sources.applicationYml(module)
				.map(yml -> Pattern.compile("probes:\\s*\\n\\s*enabled: true").matcher(yml).find())
				.orElse(false);
			assertThat(enabledInYml || Containers.env(container, "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED")
				.filter("true"::equals)
				.isPresent()).as("%s: the liveness and readiness groups are on", where).isTrue();
		});
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyKafkaTopicTheServicesUseIsDeclared(String overlay) throws IOException {
		var rendered = Overlays.named(overlay);
		var declared = new TreeSet<String>();
		rendered.ofKind("KafkaTopic").forEach(t -> declared.add(t.path("spec").path("topicName").asText(Rendered.name(t))));
		var used = new TreeSet<String>();
		var jobs = YAML.readTree(rendered.get("ConfigMap", configMapOf(rendered)).path("data").path("jobConfig.yaml").asText());
		jobs.path("jobs").forEach(type -> List.of("create", "update").forEach(phase -> type.path(phase).path("actions")
			.forEach(action -> {
				if (action.path("actionType").asText().equals("kafka")) {
					used.add(action.path("topic").asText());
				}
			})));
		var api = YAML.readTree(Sources.applicationYml("catalog-api").orElseThrow());
		api.path("catalog").path("events").path("topics").forEach(topic -> used.add(topic.asText()));
		var variables = Pattern.compile("\\$\\{((?:ARCHIVE|RETRIEVE|ANALYSIS)_TOPIC|INGESTOR_KAFKA_TOPICS|"
				+ "INGESTOR_KAFKA_DEAD_LETTER_TOPIC):([^}]*)}");
		HouseRulesTest.forEachContainer(rendered, (workload, container) -> {
			var module = MODULES.get(container.path("image").asText().replaceAll(":.*", ""));
			if (module == null || module.equals("catalog-api")) {
				return;
			}
			var yml = Sources.applicationYml(module).orElse("");
			var matcher = variables.matcher(yml);
			while (matcher.find()) {
				var value = Containers.env(container, matcher.group(1)).orElse(matcher.group(2));
				List.of(value.split(",")).forEach(t -> used.add(t.trim()));
			}
			Containers.env(container, "ANALYSIS_TOPIC").ifPresent(used::add);
		});
		assertThat(used).contains("catalog.dataset", "catalog.jobs.archive", "runs", "runs.DLT", "catalog.jobs.analysis");
		assertThat(declared).as("auto.create.topics.enable is false").containsAll(used);
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void theJobConfigurationKeepsCatalogApisBuiltInTypesUnchanged(String overlay) throws IOException {
		var rendered = Overlays.named(overlay);
		var ours = YAML.readTree(rendered.get("ConfigMap", configMapOf(rendered)).path("data").path("jobConfig.yaml").asText());
		var builtIn = YAML.readTree(Sources.read(Sources.ROOT.resolve(
				"catalog-api/src/main/resources/jobs/default-jobconfig.yaml")).orElseThrow());
		assertThat(ours.path("configVersion").isTextual()).isTrue();
		for (var type : builtIn.path("jobs")) {
			assertThat(ours.path("jobs")).as(type.path("jobType").asText()).contains(type);
		}
		assertThat(ours.path("jobs").findValuesAsText("jobType")).contains("analysis");
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyReferencedSecretKeyAndVolumeClaimIsDocumentedOrRendered(String overlay) {
		var rendered = Overlays.named(overlay);
		var documented = Secrets.documented();
		Secrets.referenced(rendered).forEach((secret, keys) -> {
			assertThat(documented).as("k8s/README.md documents Secret %s", secret).containsKey(secret);
			assertThat(documented.get(secret)).as("Secret %s's keys", secret).containsAll(keys);
		});
		for (var workload : rendered.workloads()) {
			for (var volume : HouseRulesTest.pod(workload).path("volumes")) {
				var claim = volume.path("persistentVolumeClaim").path("claimName").asText();
				if (!claim.isEmpty() && rendered.find("PersistentVolumeClaim", claim).isEmpty()) {
					assertThat(Sources.readme()).as("%s: claim %s", Rendered.id(workload), claim).contains("`" + claim + "`");
				}
				var configMap = volume.path("configMap").path("name").asText();
				if (!configMap.isEmpty()) {
					assertThat(rendered.find("ConfigMap", configMap)).as(Rendered.id(workload)).isPresent();
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyServiceIngressAndAutoscalerPointsAtSomethingRendered(String overlay) {
		var rendered = Overlays.named(overlay);
		for (var service : rendered.ofKind("Service")) {
			var workload = rendered.workloads().stream()
				.filter(w -> Flows.matches(wrap(service.path("spec").path("selector")),
						Pods.labels(w.path("spec").path("template"))))
				.findFirst()
				.orElseThrow(() -> new AssertionError(Rendered.id(service) + " selects no pods"));
			var container = HouseRulesTest.pod(workload).path("containers").get(0);
			service.path("spec").path("ports").forEach(p -> Containers.port(container, p.path("targetPort")));
		}
		for (var ingress : rendered.ofKind("Ingress")) {
			for (var backend : ingress.findValues("service")) {
				var service = rendered.get("Service", backend.path("name").asText());
				assertThat(service.path("spec").path("ports").findValuesAsText("name"))
					.contains(backend.path("port").path("name").asText());
			}
		}
		for (var hpa : rendered.ofKind("HorizontalPodAutoscaler")) {
			var target = rendered.get(hpa.path("spec").path("scaleTargetRef").path("kind").asText(),
					hpa.path("spec").path("scaleTargetRef").path("name").asText());
			assertThat(hpa.path("spec").path("minReplicas").asInt()).isEqualTo(target.path("spec").path("replicas").asInt());
		}
	}

	private static JsonNode wrap(JsonNode labels) {
		return new ObjectMapper().createObjectNode().set("matchLabels", labels);
	}

	static String configMapOf(Rendered rendered) {
		var deployment = rendered.get("Deployment", "catalog-api");
		return HouseRulesTest.volume(deployment, "config").path("configMap").path("name").asText();
	}

}

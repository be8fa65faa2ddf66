package io.catalog.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The house rules every pod template of the deployment keeps: probes, resources, non-root with RuntimeDefault
 * seccomp, a read-only root file system with /tmp on an emptyDir, no capabilities, no service-account token unless
 * its account is bound to a Role, a PodDisruptionBudget, no Secret in the repository and no registry in an image.
 */
class HouseRulesTest {

	static List<String> overlays() {
		return Rendered.OVERLAYS;
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyContainerHasLivenessAndReadinessProbes(String overlay) {
		var rendered = Overlays.named(overlay);
		forEachContainer(rendered, (workload, container) -> {
			assertThat(container.path("livenessProbe").isObject()).as(where(workload, container)).isTrue();
			assertThat(container.path("readinessProbe").isObject()).as(where(workload, container)).isTrue();
		});
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyContainerRequestsAndLimitsCpuAndMemory(String overlay) {
		var rendered = Overlays.named(overlay);
		forEachContainer(rendered, (workload, container) -> {
			for (var kind : List.of("requests", "limits")) {
				for (var resource : List.of("cpu", "memory")) {
					assertThat(container.path("resources").path(kind).path(resource).isMissingNode())
						.as("%s: resources.%s.%s", where(workload, container), kind, resource)
						.isFalse();
				}
			}
		});
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyPodRunsAsNonRootWithTheRuntimeDefaultSeccompProfile(String overlay) {
		var rendered = Overlays.named(overlay);
		for (var workload : rendered.workloads()) {
			var pod = pod(workload).path("securityContext");
			assertThat(pod.path("runAsNonRoot").asBoolean()).as(Rendered.id(workload)).isTrue();
			assertThat(pod.path("runAsUser").asInt()).as(Rendered.id(workload)).isPositive();
			assertThat(pod.path("seccompProfile").path("type").asText()).as(Rendered.id(workload))
				.isEqualTo("RuntimeDefault");
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyContainerHasAReadOnlyRootNoCapabilitiesAndNoEscalation(String overlay) {
		var rendered = Overlays.named(overlay);
		forEachContainer(rendered, (workload, container) -> {
			var context = container.path("securityContext");
			assertThat(context.path("readOnlyRootFilesystem").asBoolean()).as(where(workload, container)).isTrue();
			assertThat(context.path("allowPrivilegeEscalation").isBoolean()
					&& !context.path("allowPrivilegeEscalation").asBoolean()).as(where(workload, container)).isTrue();
			assertThat(context.path("capabilities").path("drop").toString()).as(where(workload, container))
				.contains("\"ALL\"");
			assertThat(context.path("capabilities").path("add").isEmpty()).as(where(workload, container)).isTrue();
			assertThat(context.path("privileged").asBoolean(false)).as(where(workload, container)).isFalse();
		});
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyContainerWritesTmpOnAnEmptyDir(String overlay) {
		var rendered = Overlays.named(overlay);
		forEachContainer(rendered, (workload, container) -> {
			var tmp = new ArrayList<String>();
			container.path("volumeMounts").forEach(m -> {
				if (m.path("mountPath").asText().equals("/tmp")) {
					tmp.add(m.path("name").asText());
				}
			});
			assertThat(tmp).as("%s: a volume at /tmp", where(workload, container)).hasSize(1);
			var volume = volume(workload, tmp.get(0));
			assertThat(volume.has("emptyDir")).as("%s: /tmp is an emptyDir", where(workload, container)).isTrue();
		});
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void onlyAServiceAccountBoundToARoleGetsAToken(String overlay) {
		var rendered = Overlays.named(overlay);
		var bound = new java.util.HashSet<String>();
		rendered.ofKind("RoleBinding").forEach(b -> b.path("subjects").forEach(s -> {
			if (s.path("kind").asText().equals("ServiceAccount")) {
				assertThat(s.path("namespace").asText()).as(Rendered.id(b)).isEqualTo(Pods.NAMESPACE);
				bound.add(s.path("name").asText());
			}
		}));
		for (var workload : rendered.workloads()) {
			var account = pod(workload).path("serviceAccountName").asText();
			assertThat(account).as("%s: its own service account", Rendered.id(workload)).isNotEmpty();
			assertThat(rendered.find("ServiceAccount", account)).as(Rendered.id(workload)).isPresent();
			var token = pod(workload).path("automountServiceAccountToken");
			if (!bound.contains(account)) {
				assertThat(token.isBoolean() && !token.asBoolean()).as("%s mounts no token", Rendered.id(workload))
					.isTrue();
			}
		}
		for (var account : rendered.ofKind("ServiceAccount")) {
			if (!bound.contains(Rendered.name(account))) {
				assertThat(account.path("automountServiceAccountToken").asBoolean(true)).as(Rendered.id(account))
					.isFalse();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void rolesAreNamespacedNarrowAndTheLaunchersAllowsOnlyWhatItLaunches(String overlay) {
		var rendered = Overlays.named(overlay);
		assertThat(rendered.ofKind("ClusterRole")).isEmpty();
		assertThat(rendered.ofKind("ClusterRoleBinding")).isEmpty();
		for (var role : rendered.ofKind("Role")) {
			assertThat(role.path("rules").toString()).as(Rendered.id(role)).doesNotContain("\"*\"");
		}
		var launcher = rendered.get("Role", "job-launcher").path("rules");
		var granted = new java.util.TreeSet<String>();
		launcher.forEach(rule -> rule.path("apiGroups").forEach(group -> rule.path("resources")
			.forEach(resource -> rule.path("verbs")
				.forEach(verb -> granted.add(group.asText() + "/" + resource.asText() + ":" + verb.asText())))));
		assertThat(granted).containsExactlyInAnyOrder("batch/jobs:create", "batch/jobs:get", "batch/jobs:list",
				"batch/jobs:watch", "batch/jobs:delete", "/pods:get", "/pods:list", "/pods:watch", "/pods/log:get");
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyWorkloadHasAPodDisruptionBudget(String overlay) {
		var rendered = Overlays.named(overlay);
		for (var workload : rendered.workloads()) {
			var labels = Pods.labels(workload.path("spec").path("template"));
			assertThat(rendered.ofKind("PodDisruptionBudget")).as(Rendered.id(workload))
				.anySatisfy(pdb -> {
					assertThat(Flows.matches(pdb.path("spec").path("selector"), labels)).isTrue();
					assertThat(pdb.path("spec").has("minAvailable") ^ pdb.path("spec").has("maxUnavailable")).isTrue();
				});
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void noSecretIsInTheRepositoryAndSecretsReachPodsOnlyByReference(String overlay) {
		var rendered = Overlays.named(overlay);
		assertThat(rendered.ofKind("Secret")).isEmpty();
		forEachContainer(rendered, (workload, container) -> container.path("env").forEach(env -> {
			var name = env.path("name").asText();
			if (name.matches(".*(PASSWORD|SECRET|TOKEN|ACCESS_KEY|JAAS).*")) {
				assertThat(env.has("valueFrom")).as("%s: %s comes from a Secret", where(workload, container), name)
					.isTrue();
			}
			assertThat(env.path("value").asText()).as("%s: %s", where(workload, container), name)
				.doesNotContainPattern("://[^/$]+:[^@$]+@");
		}));
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void imagesNameNoRegistryHostAndCarryAFixedTag(String overlay) {
		var rendered = Overlays.named(overlay);
		forEachContainer(rendered, (workload, container) -> {
			var image = container.path("image").asText();
			var first = image.substring(0, Math.max(image.indexOf('/'), 0));
			assertThat(first).as("%s: no registry host in %s", where(workload, container), image)
				.doesNotContain(".").doesNotContain(":").isNotEqualTo("localhost");
			assertThat(image).as(where(workload, container)).matches("[a-z0-9./-]+:[A-Za-z0-9._-]+")
				.doesNotEndWith(":latest");
		});
	}

	static final Set<String> SERVICE_PORTS = Set.of("3000", "3001", "3002", "3003");

	static void forEachContainer(Rendered rendered, java.util.function.BiConsumer<JsonNode, JsonNode> check) {
		for (var workload : rendered.workloads()) {
			for (var key : List.of("initContainers", "containers")) {
				pod(workload).path(key).forEach(container -> check.accept(workload, container));
			}
		}
	}

	static JsonNode pod(JsonNode workload) {
		return workload.path("spec").path("template").path("spec");
	}

	static JsonNode volume(JsonNode workload, String name) {
		for (var volume : pod(workload).path("volumes")) {
			if (volume.path("name").asText().equals(name)) {
				return volume;
			}
		}
		throw new AssertionError(Rendered.id(workload) + ": no volume " + name);
	}

	static String where(JsonNode workload, JsonNode container) {
		return Rendered.id(workload) + " container " + container.path("name").asText();
	}

}

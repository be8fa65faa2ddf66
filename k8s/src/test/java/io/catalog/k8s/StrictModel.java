package io.catalog.k8s;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;

/**
 * Reads a built-in Kubernetes object into its fabric8 model class as strictly as the API server's strict field
 * validation would: a field the schema does not know (which fabric8 would keep aside in {@code additionalProperties})
 * and a scalar of the wrong type (a number where a string belongs, a string where a number or boolean belongs) are
 * refused, each named by its path.
 */
final class StrictModel {

	/** The built-in kinds the deployment uses, by {@code apiVersion/kind}; anything else built-in is refused. */
	static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
			Map.entry("v1/Namespace", Namespace.class), Map.entry("v1/ServiceAccount", ServiceAccount.class),
			Map.entry("v1/ConfigMap", ConfigMap.class), Map.entry("v1/Secret", Secret.class),
			Map.entry("v1/Service", Service.class), Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
			Map.entry("apps/v1/Deployment", Deployment.class), Map.entry("apps/v1/StatefulSet", StatefulSet.class),
			Map.entry("batch/v1/Job", Job.class), Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
			Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
			Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
			Map.entry("rbac.authorization.k8s.io/v1/Role", Role.class),
			Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", RoleBinding.class),
			Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class));

	private static final JsonMapper MAPPER = strictMapper();

	private StrictModel() {
	}

	private static JsonMapper strictMapper() {
		var mapper = JsonMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.build();
		for (var type : List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
			for (var shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean,
					CoercionInputShape.String)) {
				mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
			}
		}
		// the same shape is fine: a string into a string, a number into a number
		mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
		mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
		mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert);
		mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
		return mapper;
	}

	static boolean isBuiltIn(JsonNode object) {
		var apiVersion = object.path("apiVersion").asText();
		var group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
		return group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io");
	}

	/** The model object, or an {@link AssertionError} naming every path at fault. */
	static HasMetadata read(JsonNode object) {
		var key = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
		var type = KINDS.get(key);
		if (type == null) {
			throw new AssertionError(Rendered.id(object) + ": " + key + " is not a kind this deployment uses");
		}
		HasMetadata model;
		try {
			model = MAPPER.treeToValue(object, type);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new AssertionError(Rendered.id(object) + ": " + ex.getOriginalMessage() + " at "
					+ ex.getLocation(), ex);
		}
		var unknown = new ArrayList<String>();
		unknownFields(model, "", unknown, new IdentityHashMap<>());
		if (!unknown.isEmpty()) {
			throw new AssertionError(Rendered.id(object) + ": fields the Kubernetes schema does not know: " + unknown);
		}
		return model;
	}

	/** Walks the model's getters, collecting the paths of fields kept aside as unknown. */
	private static void unknownFields(Object value, String path, List<String> found, Map<Object, Boolean> seen) {
		if (value == null || seen.put(value, Boolean.TRUE) != null) {
			return;
		}
		if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				unknownFields(list.get(i), path + "[" + i + "]", found, seen);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((k, v) -> unknownFields(v, path + "." + k, found, seen));
			return;
		}
		if (!value.getClass().getName().startsWith("io.fabric8.")) {
			return;
		}
		for (Method getter : value.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object child;
			try {
				child = getter.invoke(value);
			}
			catch (IllegalAccessException | InvocationTargetException ex) {
				continue;
			}
			if (getter.getName().equals("getAdditionalProperties")) {
				if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
					extra.keySet().forEach(k -> found.add(path + "." + k));
				}
				continue;
			}
			var field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
			unknownFields(child, path + "." + field, found, seen);
		}
	}

}

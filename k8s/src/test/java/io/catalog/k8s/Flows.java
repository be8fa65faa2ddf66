package io.catalog.k8s;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Decides whether the rendered NetworkPolicies let one peer open a connection to another on a port, as Kubernetes
 * does: the source's egress and the destination's ingress must both allow it, and a pod selected by no policy of a
 * direction is open in that direction. Strimzi makes the Kafka pods' ingress policies itself at run time; they are
 * stood in for here by what it derives from the Kafka resource (the listeners' networkPolicyPeers, and the
 * replication and control-plane ports among the cluster's own pods). Only matchLabels selectors and numeric ports
 * are understood; anything else fails the check rather than guessing.
 */
final class Flows {

	/** A pod (its namespace's labels and its own) or an address outside the cluster. */
	record Peer(String name, Map<String, String> namespaceLabels, Map<String, String> labels, String ip) {

		static Peer pod(String name, String namespace, Map<String, String> labels) {
			return new Peer(name, Map.of("kubernetes.io/metadata.name", namespace), labels, null);
		}

		static Peer external(String ip) {
			return new Peer(ip, Map.of(), Map.of(), ip);
		}

		boolean isPod() {
			return ip == null;
		}

		String namespace() {
			return namespaceLabels.get("kubernetes.io/metadata.name");
		}

	}

	private final String namespace;

	private final List<JsonNode> policies = new ArrayList<>();

	Flows(Rendered rendered, String namespace) {
		this.namespace = namespace;
		policies.addAll(rendered.ofKind("NetworkPolicy"));
		rendered.ofKind("Kafka").forEach(kafka -> policies.addAll(strimziIngress(kafka)));
	}

	boolean allows(Peer from, Peer to, int port, String protocol) {
		return (!from.isPod() || permitted(from, to, port, protocol, "Egress"))
				&& (!to.isPod() || permitted(to, from, port, protocol, "Ingress"));
	}

	boolean allows(Peer from, Peer to, int port) {
		return allows(from, to, port, "TCP");
	}

	/** Whether the policies selecting {@code subject} in one direction let it talk with {@code other}. */
	private boolean permitted(Peer subject, Peer other, int port, String protocol, String direction) {
		var selecting = policies.stream()
			.filter(p -> subject.namespace().equals(namespace(p)))
			.filter(p -> matches(p.path("spec").path("podSelector"), subject.labels()))
			.filter(p -> types(p).contains(direction))
			.toList();
		if (selecting.isEmpty()) {
			return true;
		}
		var rulesKey = direction.equals("Egress") ? "egress" : "ingress";
		var peersKey = direction.equals("Egress") ? "to" : "from";
		for (var policy : selecting) {
			for (var rule : policy.path("spec").path(rulesKey)) {
				if (portMatches(rule.path("ports"), port, protocol) && peerMatches(rule.path(peersKey), other, policy)) {
					return true;
				}
			}
		}
		return false;
	}

	private String namespace(JsonNode policy) {
		var own = policy.path("metadata").path("namespace").asText();
		return own.isEmpty() ? namespace : own;
	}

	private static List<String> types(JsonNode policy) {
		var types = new ArrayList<String>();
		policy.path("spec").path("policyTypes").forEach(t -> types.add(t.asText()));
		if (types.isEmpty()) {
			types.add("Ingress");
			if (policy.path("spec").has("egress")) {
				types.add("Egress");
			}
		}
		return types;
	}

	private static boolean portMatches(JsonNode ports, int port, String protocol) {
		if (ports.isMissingNode() || ports.isEmpty()) {
			return true;
		}
		for (var p : ports) {
			if (!p.path("port").isInt()) {
				throw new AssertionError("a named or missing port in a NetworkPolicy is not understood here: " + p);
			}
			if (p.path("port").asInt() == port && p.path("protocol").asText("TCP").equals(protocol)) {
				return true;
			}
		}
		return false;
	}

	private boolean peerMatches(JsonNode peers, Peer other, JsonNode policy) {
		if (peers.isMissingNode() || peers.isEmpty()) {
			return true;
		}
		for (var peer : peers) {
			if (peer.has("ipBlock")) {
				if (!other.isPod() && inCidr(other.ip(), peer.path("ipBlock").path("cidr").asText())
						&& peer.path("ipBlock").path("except").isEmpty()) {
					return true;
				}
				continue;
			}
			if (!other.isPod()) {
				continue;
			}
			boolean namespaceOk = peer.has("namespaceSelector")
					? matches(peer.path("namespaceSelector"), other.namespaceLabels())
					: namespace(policy).equals(other.namespace());
			boolean podOk = !peer.has("podSelector") || matches(peer.path("podSelector"), other.labels());
			if (namespaceOk && podOk) {
				return true;
			}
		}
		return false;
	}

	static boolean matches(JsonNode selector, Map<String, String> labels) {
		if (selector.has("matchExpressions")) {
			throw new AssertionError("matchExpressions are not understood here: " + selector);
		}
		var wanted = selector.path("matchLabels");
		for (var field : wanted.properties()) {
			if (!field.getValue().asText().equals(labels.get(field.getKey()))) {
				return false;
			}
		}
		return true;
	}

	static boolean inCidr(String ip, String cidr) {
		try {
			var parts = cidr.split("/");
			int bits = Integer.parseInt(parts[1]);
			var network = new BigInteger(1, InetAddress.getByName(parts[0]).getAddress());
			var address = new BigInteger(1, InetAddress.getByName(ip).getAddress());
			return network.shiftRight(32 - bits).equals(address.shiftRight(32 - bits));
		}
		catch (UnknownHostException | RuntimeException ex) {
			throw new AssertionError("not an IPv4 CIDR: " + cidr, ex);
		}
	}

	/** The ingress policies Strimzi derives from a Kafka resource, as NetworkPolicy trees. */
	private List<JsonNode> strimziIngress(JsonNode kafka) {
		var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
		var cluster = Rendered.name(kafka);
		var kafkaPods = Map.of("podSelector", Map.of("matchLabels", Map.of("strimzi.io/cluster", cluster)));
		var rules = new ArrayList<Map<String, Object>>();
		rules.add(Map.of("from", List.of(kafkaPods), "ports", List.of(tcp(9090), tcp(9091))));
		for (var listener : kafka.path("spec").path("kafka").path("listeners")) {
			var rule = new HashMap<String, Object>();
			rule.put("ports", List.of(tcp(listener.path("port").asInt())));
			if (listener.has("networkPolicyPeers")) {
				rule.put("from", mapper.convertValue(listener.path("networkPolicyPeers"), List.class));
			}
			rules.add(rule);
		}
		var policy = Map.of("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
				"metadata", Map.of("name", cluster + "-network-policy-kafka (made by Strimzi)"),
				"spec", Map.of("podSelector", Map.of("matchLabels", Map.of("strimzi.io/name", cluster + "-kafka")),
						"policyTypes", List.of("Ingress"), "ingress", rules));
		return List.of(mapper.valueToTree(policy));
	}

	private static Map<String, Object> tcp(int port) {
		return Map.of("protocol", "TCP", "port", port);
	}

}

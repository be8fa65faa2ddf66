package io.catalog.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.catalog.k8s.Flows.Peer;

/** The network policy evaluator decides as Kubernetes does, on a small hand-written set of policies. */
class FlowsTest {

	private static final String POLICIES = """
			apiVersion: networking.k8s.io/v1
			kind: NetworkPolicy
			metadata: {name: default-deny}
			spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
			---
			apiVersion: networking.k8s.io/v1
			kind: NetworkPolicy
			metadata: {name: a}
			spec:
			  podSelector: {matchLabels: {app: a}}
			  policyTypes: [Egress]
			  egress:
			    - to: [{podSelector: {matchLabels: {app: b}}}]
			      ports: [{protocol: TCP, port: 80}]
			    - to: [{ipBlock: {cidr: 10.1.0.0/16}}]
			      ports: [{protocol: TCP, port: 443}]
			---
			apiVersion: networking.k8s.io/v1
			kind: NetworkPolicy
			metadata: {name: b}
			spec:
			  podSelector: {matchLabels: {app: b}}
			  policyTypes: [Ingress]
			  ingress:
			    - from: [{podSelector: {matchLabels: {app: a}}}]
			      ports: [{protocol: TCP, port: 80}]
			""";

	private final Peer a = Peer.pod("a", "ns", Map.of("app", "a"));

	private final Peer b = Peer.pod("b", "ns", Map.of("app", "b"));

	private final Peer c = Peer.pod("c", "ns", Map.of("app", "c"));

	private Flows flows(String yaml) throws IOException {
		return new Flows(new Rendered("test", Rendered.parse(yaml)), "ns");
	}

	@Test
	void allowsAFlowBothSidesAllow() throws IOException {
		assertThat(flows(POLICIES).allows(a, b, 80)).isTrue();
	}

	@Test
	void refusesAnotherPortOrTheReverseDirection() throws IOException {
		assertThat(flows(POLICIES).allows(a, b, 81)).isFalse();
		assertThat(flows(POLICIES).allows(b, a, 80)).isFalse();
	}

	@Test
	void refusesWhenOnlyOneSideAllows() throws IOException {
		assertThat(flows(POLICIES).allows(a, c, 80)).as("a may send, c may not receive").isFalse();
		assertThat(flows(POLICIES).allows(c, b, 80)).as("b may receive from a only").isFalse();
	}

	@Test
	void matchesIpBlocksByPrefix() throws IOException {
		assertThat(flows(POLICIES).allows(a, Peer.external("10.1.200.3"), 443)).isTrue();
		assertThat(flows(POLICIES).allows(a, Peer.external("10.2.0.1"), 443)).isFalse();
	}

	@Test
	void aPodInAnotherNamespaceIsNotMatchedByAPodSelectorAlone() throws IOException {
		var elsewhere = Peer.pod("a elsewhere", "other", Map.of("app", "a"));
		assertThat(flows(POLICIES).allows(elsewhere, b, 80)).isFalse();
	}

	@Test
	void withoutAnyPolicyEverythingIsOpen() throws IOException {
		assertThat(flows("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n").allows(a, c, 1)).isTrue();
	}

	@Test
	void refusesToGuessAtSelectorsItDoesNotUnderstand() throws IOException {
		var yaml = POLICIES.replace("podSelector: {matchLabels: {app: b}}\n  policyTypes: [Ingress]",
				"podSelector: {matchExpressions: [{key: app, operator: Exists}]}\n  policyTypes: [Ingress]");
		var flows = flows(yaml);
		assertThatThrownBy(() -> flows.allows(a, b, 80)).hasMessageContaining("matchExpressions");
	}

}

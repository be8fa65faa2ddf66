package io.catalog.k8s;

import java.util.Set;

/** What the checks call a workload: the kinds whose pod templates are written here. */
final class Workloads {

	static final Set<String> KINDS = Set.of("Deployment", "StatefulSet");

	private Workloads() {
	}

}

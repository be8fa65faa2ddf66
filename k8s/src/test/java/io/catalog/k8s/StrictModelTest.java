package io.catalog.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/** The strict reader refuses what the API server's strict validation refuses, and takes what it takes. */
class StrictModelTest {

	private static final String DEPLOYMENT = """
			apiVersion: apps/v1
			kind: Deployment
			metadata:
			  name: d
			spec:
			  replicas: 2
			  selector:
			    matchLabels: {app: d}
			  template:
			    metadata:
			      labels: {app: d}
			    spec:
			      containers:
			        - name: c
			          image: catalog/c:1
			          ports: [{name: http, containerPort: 3000}]
			          env: [{name: PORT, value: "3000"}]
			          resources: {requests: {cpu: 500m, memory: 1Gi}, limits: {cpu: 2, memory: 2Gi}}
			          readinessProbe: {httpGet: {path: /, port: http}}
			          livenessProbe: {httpGet: {path: /, port: 3000}}
			          securityContext: {readOnlyRootFilesystem: true}
			""";

	@Test
	void readsAValidDeployment() throws IOException {
		var model = StrictModel.read(Rendered.parse(DEPLOYMENT).get(0));
		assertThat(model).isInstanceOfSatisfying(Deployment.class,
				d -> assertThat(d.getSpec().getReplicas()).isEqualTo(2));
	}

	@Test
	void refusesAFieldTheSchemaDoesNotKnow() {
		var yaml = DEPLOYMENT.replace("readOnlyRootFilesystem: true", "readOnlyRootFileSystem: true");
		assertThatThrownBy(() -> StrictModel.read(Rendered.parse(yaml).get(0)))
			.hasMessageContaining("spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem");
	}

	@Test
	void refusesAFieldMisplacedOneLevelUp() {
		var yaml = DEPLOYMENT.replace("  replicas: 2", "  replicas: 2\n  containers: []");
		assertThatThrownBy(() -> StrictModel.read(Rendered.parse(yaml).get(0))).hasMessageContaining("spec.containers");
	}

	@Test
	void refusesANumberWhereAStringBelongs() {
		var yaml = DEPLOYMENT.replace("value: \"3000\"", "value: 3000");
		assertThatThrownBy(() -> StrictModel.read(Rendered.parse(yaml).get(0))).hasMessageContaining("coerce");
	}

	@Test
	void refusesAStringWhereANumberBelongs() {
		var yaml = DEPLOYMENT.replace("replicas: 2", "replicas: \"2\"");
		assertThatThrownBy(() -> StrictModel.read(Rendered.parse(yaml).get(0))).hasMessageContaining("coerce");
	}

	@Test
	void refusesAKindThisDeploymentDoesNotUse() {
		var yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n";
		assertThatThrownBy(() -> StrictModel.read(Rendered.parse(yaml).get(0))).hasMessageContaining("v1/Pod");
	}

}

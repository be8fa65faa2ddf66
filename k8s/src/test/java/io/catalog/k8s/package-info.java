/**
 * The offline check of the Kubernetes deployment: every overlay rendered with {@code kubectl kustomize}, each object
 * read strictly into the fabric8 Kubernetes model (or, for the operators' resources, checked for its kind's required
 * fields), and the house rules: probes, resources, non-root, read-only root file system, no secrets, default-deny
 * network policies with exactly the flows the architecture needs.
 */
package io.catalog.k8s;

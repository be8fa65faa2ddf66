/**
 * Tool specs: what a tool runs, its typed parameters, inputs, outputs and resources; read from JSON, YAML and Slicer
 * execution-model XML, checked, and listed over the launcher's HTTP API.
 */
package io.catalog.launcher.tool;

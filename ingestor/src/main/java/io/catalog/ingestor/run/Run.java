package io.catalog.ingestor.run;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One run to catalog: its identifier, the pid derived from it, the dataset fields as given, the folder whose files
 * become the file blocks, and the NeXus file its scientific metadata is read from (or {@code null}).
 */
public record Run(String runId, String pid, ObjectNode dataset, Path sourceFolder, Path nexusFile) {
}

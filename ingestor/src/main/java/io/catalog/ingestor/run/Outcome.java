package io.catalog.ingestor.run;

/**
 * What an ingestion did.
 *
 * @param pid the dataset's pid
 * @param created whether the dataset was created now (false: it was there from an earlier delivery)
 * @param files files of the run
 * @param bytes their total size
 * @param blocksPosted file blocks posted now (0 when all were there already, or in a dry run)
 * @param dryRun whether nothing was written
 */
public record Outcome(String pid, boolean created, int files, long bytes, int blocksPosted, boolean dryRun) {
}

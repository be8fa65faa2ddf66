/** SciCat's data policies enforced: datasets archived by themselves after a delay, copies kept as a policy asks. */
package io.catalog.archive.policy;

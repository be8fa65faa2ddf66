/** Jobs: SciCat's job routes, job types from a YAML file (who may create and update them, actions), a status state machine. */
package io.catalog.api.job;

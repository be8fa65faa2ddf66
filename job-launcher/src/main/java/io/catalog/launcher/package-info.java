/**
 * The job launcher: its application, typed configuration and wiring. Feature packages: {@code tool} (specs and their
 * checks), {@code job} (hearing, claiming and running jobs), {@code backend} (where runs happen), {@code catalog}
 * (the catalog calls, through the Java SDK), {@code provenance} (outputs as derived datasets).
 */
package io.catalog.launcher;

package io.catalog.launcher.backend;

import java.nio.file.Path;

/**
 * A folder tree the cluster holds as a PersistentVolumeClaim: {@code root} on the launcher's side is the claim's
 * top, so a folder under it is the claim's sub-path.
 *
 * @param root the folder the claim holds, as datasets name it ({@code /data/beamline})
 * @param claim the PersistentVolumeClaim's name
 */
public record KubernetesVolume(Path root, String claim) {

	/** Reads {@code /data/beamline=beamline-data}; {@link IllegalArgumentException} naming what is wrong. */
	public static KubernetesVolume parse(String text) {
		var parts = text.split("=", 2);
		if (parts.length != 2 || !parts[0].startsWith("/") || parts[1].isBlank()) {
			throw new IllegalArgumentException("a Kubernetes volume is /folder=claim-name, not " + text);
		}
		return new KubernetesVolume(Path.of(parts[0]).normalize(), parts[1].strip());
	}

	/** Whether the claim holds {@code folder}. */
	boolean holds(Path folder) {
		return folder.toAbsolutePath().normalize().startsWith(root);
	}

	/** The claim's sub-path of {@code folder} ({@code ""} for its top). */
	String subPath(Path folder) {
		return root.relativize(folder.toAbsolutePath().normalize()).toString();
	}

}

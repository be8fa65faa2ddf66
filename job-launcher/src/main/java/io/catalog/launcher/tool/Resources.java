package io.catalog.launcher.tool;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What one run of a tool needs, as a back-end reserves it (SLURM's --cpus-per-task, --mem, --gres, --time;
 * Kubernetes requests and limits).
 *
 * @param cpu processor cores, at least 1
 * @param memory memory, as {@code 512MB} or {@code 2GB}
 * @param gpu GPUs, 0 or more
 * @param time the longest a run may take (ISO-8601, {@code PT10M}); the run is stopped and the job fails after it
 */
public record Resources(int cpu, String memory, int gpu, Duration time) {

	/** One core, 512 MB, no GPU, one hour. */
	private static final String DEFAULT_MEMORY = "512MB";

	public static final Resources DEFAULT = new Resources(1, "512MB", 0, Duration.ofHours(1));

	public Resources {
		cpu = Math.max(1, cpu);
		memory = memory == null || memory.isBlank() ? DEFAULT_MEMORY : memory.strip();
		try {
			if (DataSize.parse(memory).toBytes() <= 0) {
				throw new IllegalArgumentException("resources.memory must be positive, not " + memory);
			}
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("resources.memory '" + memory + "' is not a size such as 512MB", ex);
		}
		if (gpu < 0) {
			throw new IllegalArgumentException("resources.gpu must not be negative");
		}
		time = time == null ? Duration.ofHours(1) : time;
		if (time.isNegative() || time.isZero()) {
			throw new IllegalArgumentException("resources.time must be positive, not " + time);
		}
	}

	/** The memory in bytes. */
	@JsonIgnore
	public long memoryBytes() {
		return DataSize.parse(memory).toBytes();
	}

}

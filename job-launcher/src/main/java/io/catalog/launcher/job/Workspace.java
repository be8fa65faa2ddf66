package io.catalog.launcher.job;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The launcher's folders for each run: {@code <workDir>/<job>/run-<n>/} holds {@code output/} (fresh, the tool's
 * only writable folder) and {@code stdout.log}, {@code stderr.log}, which stay after the run and can be read while it
 * goes.
 */
public final class Workspace {

	private final Path root;

	public Workspace(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	/** The folder of run {@code index} of a job. */
	public Path run(String jobId, int index) {
		return root.resolve(safe(jobId)).resolve("run-" + index);
	}

	/** Makes a run's folder with an empty output folder; refuses a run folder that exists already. */
	Path create(String jobId, int index) throws IOException {
		var dir = run(jobId, index);
		if (Files.exists(dir.resolve("output"))) {
			throw new IOException("the output folder " + dir.resolve("output") + " exists already; a run's is fresh");
		}
		Files.createDirectories(dir.resolve("output"));
		return dir;
	}

	/** A file name of a job id: letters, digits, '.', '_' and '-' kept, the rest '_'. */
	static String safe(String jobId) {
		var name = jobId.replaceAll("[^A-Za-z0-9._-]", "_");
		return name.startsWith(".") ? "_" + name : name;
	}

	/** The last {@code limit} bytes of a log (UTF-8, broken characters replaced); empty when there is none. */
	public static String tail(Path log, long limit) {
		if (!Files.isRegularFile(log)) {
			return "";
		}
		try (var file = new RandomAccessFile(log.toFile(), "r")) {
			long length = file.length();
			long from = Math.max(0, length - limit);
			var bytes = new byte[(int) (length - from)];
			file.seek(from);
			file.readFully(bytes);
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (IOException ex) {
			return "(log unreadable: " + ex.getMessage() + ")";
		}
	}

}

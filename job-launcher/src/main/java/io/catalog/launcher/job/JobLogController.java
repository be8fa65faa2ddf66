package io.catalog.launcher.job;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A run's whole standard output or error, while it runs and after, for operators on the launcher's loopback port:
 * {@code GET /api/v1/jobs/{id}/runs/{n}/stdout} (or {@code stderr}), from byte {@code offset} on (at most 1 MB per
 * answer; the {@code Log-Next-Offset} header says where to go on). Owners read the end of each log in the job's
 * result through the catalog.
 */
@RestController
class JobLogController {

	private static final int MOST = 1024 * 1024;

	private final Workspace workspace;

	JobLogController(Workspace workspace) {
		this.workspace = workspace;
	}

	@GetMapping(path = "/api/v1/jobs/{id}/runs/{index}/{stream}", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<byte[]> log(@PathVariable String id, @PathVariable int index, @PathVariable String stream,
			@RequestParam(defaultValue = "0") long offset) throws IOException {
		if (!"stdout".equals(stream) && !"stderr".equals(stream)) {
			throw notFound("a run has stdout and stderr, not " + stream);
		}
		var file = workspace.run(id, index).resolve(stream + ".log");
		if (!Files.isRegularFile(file)) {
			throw notFound("job " + id + " has no run " + index + " here");
		}
		try (var log = new RandomAccessFile(file.toFile(), "r")) {
			long from = Math.min(Math.max(0, offset), log.length());
			var bytes = new byte[(int) Math.min(MOST, log.length() - from)];
			log.seek(from);
			log.readFully(bytes);
			return ResponseEntity.ok().header("Log-Next-Offset", String.valueOf(from + bytes.length))
				.contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8)).body(bytes);
		}
	}

	private static ErrorResponseException notFound(String detail) {
		return new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				detail), null);
	}

}

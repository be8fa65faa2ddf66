package io.catalog.api.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One line of the authorisation matrix: a handler, the request that reaches it, the body it sends, and what each
 * caller must get, in the order of {@link #CALLERS}: the status, and for a read that answers a list or a count,
 * {@code /n} with how many documents it showed (so a list that leaks is caught, not only a status).
 */
record MatrixRow(String handler, String method, String path, String body, List<String> expected) {

	/**
	 * The callers, as the table's columns: anonymous, the SciCat roles, a member of the owner group, a member of an
	 * access group, a user of neither, and an API token narrowed to a group that owns nothing.
	 */
	static final List<String> CALLERS = List.of("anonymous", "admin", "ingestor", "archiveManager", "proposalIngestor",
			"sampleIngestor", "owner", "access", "other", "scoped");

	static List<MatrixRow> read(String resource) {
		var rows = new ArrayList<MatrixRow>();
		try (var in = MatrixRow.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("no " + resource + " on the test class path");
			}
			var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					rows.add(parse(line));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	private static MatrixRow parse(String line) {
		var cells = line.split("\\|");
		var request = cells[1].trim().split(" ", 2);
		var expected = cells.length < 4 || cells[3].isBlank() ? List.<String>of()
				: Arrays.asList(cells[3].trim().split("\\s+"));
		return new MatrixRow(cells[0].trim(), request[0], request[1].trim(), cells[2].trim(), expected);
	}

	/** Whether the request may change the seeded data, so that each caller needs fresh data. */
	boolean mutates() {
		return !"GET".equals(method);
	}

	String withObserved(List<String> statuses) {
		return String.format("%-38s| %-82s| %-11s| %s", handler, method + " " + path, body,
				String.join(" ", statuses));
	}

}

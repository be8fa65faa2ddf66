package io.catalog.api.proposal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proposal types a site allows: the values of SciCat's {@code proposalTypes.json}, such as
 * {@code {"Beamtime": "Beamtime"}}, and always {@code Default Proposal}, the type of a proposal that names none.
 * Without the file only the default is allowed, as in SciCat.
 */
final class ProposalTypes {

	static final String DEFAULT = "Default Proposal";

	private static final Logger log = LoggerFactory.getLogger(ProposalTypes.class);

	private final Set<String> allowed;

	ProposalTypes(Set<String> allowed) {
		var all = new LinkedHashSet<String>(allowed);
		all.add(DEFAULT);
		this.allowed = Set.copyOf(all);
	}

	/** Reads the file; a missing file leaves the default alone, an unreadable one stops the start. */
	static ProposalTypes load(String file, ObjectMapper mapper) {
		var path = Path.of(file == null || file.isBlank() ? "proposalTypes.json" : file);
		if (!Files.isRegularFile(path)) {
			return new ProposalTypes(Set.of());
		}
		try {
			var types = mapper.readValue(path.toFile(), new TypeReference<Map<String, String>>() {
			});
			log.info("Proposal types from {}: {}", path, types.values());
			return new ProposalTypes(new LinkedHashSet<>(types.values()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Proposal types file " + path + " is not a JSON object of names to types: "
					+ ex.getMessage(), ex);
		}
	}

	boolean accepts(Object type) {
		return allowed.contains(type);
	}

	String describe() {
		return String.join(", ", allowed.stream().sorted().toList());
	}

}

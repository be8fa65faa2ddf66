package io.catalog.api.history;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read the change history besides the administrators: per subsystem (SciCat's model name, such as
 * {@code Dataset} or {@code Datablock}), the groups SciCat reads from {@code HISTORY_ACCESS_<SUBSYSTEM>_GROUPS}.
 *
 * @param readGroups per subsystem, lower case, the groups that may read its history
 */
@ConfigurationProperties("catalog.history")
public record HistoryProperties(Map<String, List<String>> readGroups) {

	public HistoryProperties {
		readGroups = readGroups == null ? Map.of() : Map.copyOf(readGroups);
	}

	/** The groups that may read a subsystem's history; none when it is not configured. */
	List<String> readGroups(String subsystem) {
		return readGroups.getOrDefault(subsystem.toLowerCase(Locale.ROOT), List.of()).stream().map(String::trim).filter(g -> !g.isEmpty()).toList();
	}

}

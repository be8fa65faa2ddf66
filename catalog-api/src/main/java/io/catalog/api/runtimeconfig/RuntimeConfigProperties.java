package io.catalog.api.runtimeconfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which configuration files are copied into the store at start-up.
 *
 * @param files each configuration id with its file, as SciCat locates them ({@code FRONTEND_CONFIG_FILE},
 * {@code FRONTEND_THEME_FILE}, ...; relative paths from the working directory, SciCat's defaults when unset)
 * @param sync the ids copied besides {@code frontendConfig} and {@code frontendTheme}, which always are
 * ({@code CONFIG_SYNC_TO_DB_LIST})
 */
@ConfigurationProperties("catalog.runtime-config")
public record RuntimeConfigProperties(Map<String, Path> files, List<String> sync) {

	/** The ids copied whatever {@code sync} says. */
	static final List<String> ALWAYS = List.of("frontendConfig", "frontendTheme");

	public RuntimeConfigProperties {
		files = files == null ? Map.of() : Map.copyOf(files);
		sync = sync == null ? List.of() : sync.stream().map(String::trim).filter(id -> !id.isEmpty()).toList();
	}

	/** The ids to copy, each once, the frontend's first. */
	List<String> ids() {
		return Stream.concat(ALWAYS.stream(), sync.stream()).distinct().toList();
	}

}

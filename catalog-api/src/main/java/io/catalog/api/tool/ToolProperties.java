package io.catalog.api.tool;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the job launcher answers for its tools.
 *
 * @param launcherUrl the launcher's base URL ({@code JOB_LAUNCHER_URL}); unset, the catalog lists no tools
 * @param timeout how long the launcher may take to answer ({@code JOB_LAUNCHER_TIMEOUT}, 5 s)
 */
@ConfigurationProperties("catalog.tools")
public record ToolProperties(URI launcherUrl, Duration timeout) {

	public ToolProperties {
		timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
	}

	boolean configured() {
		return launcherUrl != null && !launcherUrl.toString().isBlank();
	}

}

package io.catalog.launcher.tool;

import java.nio.file.Path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.launcher.LauncherProperties;

/** Reads the tools from the configured folders at start. */
@Configuration(proxyBeanMethods = false)
class ToolConfiguration {

	@Bean
	ToolCatalog toolCatalog(LauncherProperties properties) {
		return ToolCatalog.load(properties.tools().stream().map(Path::of).toList());
	}

}

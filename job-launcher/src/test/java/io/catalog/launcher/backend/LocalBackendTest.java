package io.catalog.launcher.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.launcher.tool.Invocation;
import io.catalog.launcher.tool.ToolReader;

/** The local back-end with the real bubblewrap (skipped without it) and as plain processes. */
class LocalBackendTest {

	@TempDir
	Path dir;

	private RunHandle probe(LocalBackend backend) throws IOException {
		var tool = new ToolReader().read(Path.of("src/test/resources/job-tools/probe.json"));
		var data = Files.createDirectories(dir.resolve("data"));
		Files.writeString(data.resolve("scan.txt"), "frame\n");
		var output = Files.createDirectories(dir.resolve("output"));
		var invocation = Invocation.of(tool, Map.of(), "pid/1", data, Map.of("pid/1", data), output);
		var handle = backend.launch(new RunSpec("probe-0", invocation.argv(), invocation.environment(), List.of(data),
				output, dir.resolve("stdout.log"), dir.resolve("stderr.log"), tool.resources(), tool.network(), null));
		var deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (handle.isRunning() && Instant.now().isBefore(deadline)) {
			sleep();
		}
		assertThat(handle.exitCode()).as("stderr: %s", Files.readString(dir.resolve("stderr.log"))).hasValue(0);
		return handle;
	}

	private static void sleep() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private List<String> said() throws IOException {
		return Files.readAllLines(dir.resolve("stdout.log"));
	}

	@Test
	void inBubblewrapTheDataIsReadOnlyTheOutputWritableAndThereIsNoNetwork() throws IOException {
		var backend = new LocalBackend("auto", List.of(), List.of());
		assumeTrue(backend.isolated(), "bubblewrap (bwrap) is not installed or does not run here: apt-get install bubblewrap");
		var handle = probe(backend);
		assertThat(said()).containsExactly("data-read-only", "output-writable", "1");
		assertThat(dir.resolve("data/intruder")).doesNotExist();
		assertThat(dir.resolve("output/written.txt")).hasContent("out");
		assertThat(handle.isolation()).isEqualTo("bubblewrap sandbox: datasets read-only, network off");
	}

	@Test
	void withoutIsolationARunIsAPlainProcessAndSaysSo() throws IOException {
		var backend = new LocalBackend("none", List.of(), List.of());
		var handle = probe(backend);
		assertThat(backend.isolated()).isFalse();
		assertThat(said()).startsWith("data-writable", "output-writable");
		assertThat(handle.isolation()).isEqualTo("plain process: no isolation (bubblewrap not in use)");
		assertThat(backend.describe()).startsWith("plain processes");
	}

	@Test
	void aRunSeesOnlyItsOwnEnvironmentNotTheLaunchers() throws IOException {
		probe(new LocalBackend("none", List.of(), List.of()));
		var seen = Set.copyOf(Files.readAllLines(dir.resolve("output/env.txt")));
		assertThat(seen).contains("INPUT_DIR", "OUTPUT_DIR", "DATASET_PID", "PATH")
			.isSubsetOf("PATH", "LANG", "HOME", "INPUT_DIR", "OUTPUT_DIR", "DATASET_PID", "PWD", "OLDPWD", "SHLVL", "_");
	}

	@Test
	void reachesLocalFoldersUnderItsRootsOnItsHostsOnly() throws IOException {
		var data = Files.createDirectories(dir.resolve("data/run1"));
		var backend = new LocalBackend("none", List.of("beamline-1"), List.of(dir.resolve("data")));
		assertThat(backend.unreachable(null, data)).isEmpty();
		assertThat(backend.unreachable("beamline-1", data)).isEmpty();
		assertThat(backend.unreachable("beamline-7", data)).hasValueSatisfying(
				reason -> assertThat(reason).startsWith("local reaches the hosts [beamline-1] and ").endsWith(", not beamline-7"));
		assertThat(backend.unreachable(null, dir)).hasValue("local reads datasets under [" + dir.resolve("data")
				+ "] only, not " + dir);
		assertThat(backend.unreachable(null, dir.resolve("data/run2"))).hasValue("local finds no folder "
				+ dir.resolve("data/run2"));
	}

	@Test
	void cancelStopsTheRunAndWhatItStarted() throws IOException {
		var output = Files.createDirectories(dir.resolve("output"));
		var backend = new LocalBackend("auto", List.of(), List.of());
		var handle = backend.launch(new RunSpec("sleep-0", List.of("/bin/sh", "-c", "sleep 60 & sleep 60; wait"),
				Map.of(), List.of(), output, dir.resolve("stdout.log"), dir.resolve("stderr.log"),
				io.catalog.launcher.tool.Resources.DEFAULT, false, null));
		assertThat(handle.isRunning()).isTrue();
		var pid = Long.parseLong(handle.id());
		var children = ProcessHandle.of(pid).orElseThrow().descendants().toList();
		handle.cancel();
		var deadline = Instant.now().plus(Duration.ofSeconds(10));
		while ((handle.isRunning() || children.stream().anyMatch(ProcessHandle::isAlive)) && Instant.now().isBefore(deadline)) {
			sleep();
		}
		assertThat(handle.isRunning()).isFalse();
		assertThat(children).noneMatch(ProcessHandle::isAlive);
	}

}

package io.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.asm.ClassReader;

/**
 * The house rule on packages, read from the compiled classes: every dependency between the packages of
 * {@code io.catalog.api} points one way (no package cycles), and the shared core imports no feature package.
 */
class PackageCyclesTest {

	private static final String ROOT = "io.catalog.api";

	/** The shared core: errors, schemas, queries, access, documents and their history. */
	private static final Set<String> CORE = Set.of("web", "schema", "query", "access", "document", "history")
		.stream()
		.map(name -> ROOT + "." + name)
		.collect(Collectors.toUnmodifiableSet());

	/** A class name in a constant (a class entry, a descriptor or a signature), with its package in group 1. */
	private static final Pattern REFERENCE = Pattern.compile("io/catalog/api((?:/[a-z][a-z0-9_]*)*)/[A-Za-z_$][\\w$]*");

	private static final int CONSTANT_UTF8 = 1;

	/** For each package, the packages it uses, each with the class-level edges that make the dependency. */
	private static Map<String, Map<String, Set<String>>> graph;

	@BeforeAll
	static void readClasses() throws IOException, URISyntaxException {
		var classes = Path.of(CatalogApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		graph = new TreeMap<>();
		try (var files = Files.walk(classes)) {
			files.filter(file -> file.toString().endsWith(".class")).forEach(file -> read(classes, file));
		}
	}

	@Test
	void theClassesAreRead() {
		assertThat(graph).containsKeys(ROOT, ROOT + ".document", ROOT + ".web", ROOT + ".dataset");
		assertThat(graph.get(ROOT + ".dataset")).containsKey(ROOT + ".document");
	}

	@Test
	void noPackageCycles() {
		var cycles = stronglyConnected().stream().filter(component -> component.size() > 1).toList();
		assertThat(cycles).as(() -> "package cycles:\n" + cycles.stream().map(this::describe)
			.collect(Collectors.joining("\n"))).isEmpty();
	}

	@Test
	void theCoreImportsNoFeaturePackage() {
		var outward = new TreeMap<String, Set<String>>();
		for (var from : CORE) {
			graph.getOrDefault(from, Map.of()).forEach((to, edges) -> {
				if (!CORE.contains(to)) {
					outward.computeIfAbsent(from + " -> " + to, key -> new TreeSet<>()).addAll(edges);
				}
			});
		}
		assertThat(outward).as("the core (%s) uses packages outside it", new TreeSet<>(CORE)).isEmpty();
	}

	private String describe(Set<String> component) {
		var text = new StringBuilder("  " + component + "\n");
		for (var from : component) {
			graph.getOrDefault(from, Map.of()).forEach((to, edges) -> {
				if (component.contains(to)) {
					text.append("    ").append(local(from)).append(" -> ").append(local(to)).append("  ")
						.append(edges).append('\n');
				}
			});
		}
		return text.toString();
	}

	private static String local(String pkg) {
		return pkg.equals(ROOT) ? ROOT : pkg.substring(ROOT.length() + 1);
	}

	private static void read(Path classes, Path file) {
		var name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
		name = name.substring(0, name.length() - ".class".length());
		var from = packageOf(name);
		if (!from.startsWith(ROOT)) {
			return;
		}
		var uses = graph.computeIfAbsent(from, key -> new TreeMap<>());
		var simpleFrom = name.substring(from.length() + 1);
		for (var constant : utf8Constants(file)) {
			var matcher = REFERENCE.matcher(constant);
			while (matcher.find()) {
				var to = ROOT + matcher.group(1).replace('/', '.');
				if (!to.equals(from)) {
					var target = matcher.group().replace('/', '.').substring(to.length() + 1);
					uses.computeIfAbsent(to, key -> new TreeSet<>()).add(simpleFrom + " -> " + target);
				}
			}
		}
	}

	private static String packageOf(String className) {
		int dot = className.lastIndexOf('.');
		return dot < 0 ? "" : className.substring(0, dot);
	}

	/** The class file's UTF-8 constants: class names, descriptors, signatures (and string literals). */
	private static List<String> utf8Constants(Path file) {
		try {
			var bytes = Files.readAllBytes(file);
			var reader = new ClassReader(bytes);
			var constants = new ArrayList<String>();
			for (int i = 1; i < reader.getItemCount(); i++) {
				int offset = reader.getItem(i);
				if (offset > 0 && bytes[offset - 1] == CONSTANT_UTF8) {
					int length = reader.readUnsignedShort(offset);
					constants.add(new DataInputStream(new ByteArrayInputStream(bytes, offset, length + 2)).readUTF());
				}
			}
			return constants;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Tarjan's strongly connected components of the package graph. */
	private static List<Set<String>> stronglyConnected() {
		var index = new HashMap<String, Integer>();
		var low = new HashMap<String, Integer>();
		var stack = new ArrayDeque<String>();
		var components = new ArrayList<Set<String>>();
		for (var pkg : graph.keySet()) {
			if (!index.containsKey(pkg)) {
				connect(pkg, index, low, stack, components);
			}
		}
		return components;
	}

	private static void connect(String pkg, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
			List<Set<String>> components) {
		index.put(pkg, index.size());
		low.put(pkg, index.get(pkg));
		stack.push(pkg);
		for (var next : graph.getOrDefault(pkg, Map.of()).keySet()) {
			if (!index.containsKey(next)) {
				connect(next, index, low, stack, components);
				low.put(pkg, Math.min(low.get(pkg), low.get(next)));
			}
			else if (stack.contains(next)) {
				low.put(pkg, Math.min(low.get(pkg), index.get(next)));
			}
		}
		if (low.get(pkg).equals(index.get(pkg))) {
			var component = new TreeSet<String>();
			String member;
			do {
				member = stack.pop();
				component.add(member);
			}
			while (!member.equals(pkg));
			components.add(component);
		}
	}

}

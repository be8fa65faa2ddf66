package io.catalog.api.publisheddata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.bson.Document;

/**
 * SciCat's v3 shape of published data ({@code creator}, {@code publisher}, {@code pidArray}, status
 * {@code pending_registration}) over the stored v4 shape ({@code metadata.creators[].name},
 * {@code metadata.publisher.name}, {@code datasetPids}, status {@code private}). The v3 routes write and read through
 * it; the stored document is always the v4 one, as in SciCat's database.
 */
final class ObsoleteShape {

	/** v3 names of fields that live under {@code metadata} as plain values. */
	private static final List<String> METADATA_VALUES = List.of("affiliation", "publicationYear", "url",
			"dataDescription", "resourceType", "numberOfFiles", "sizeOfArchive", "scicatUser", "thumbnail",
			"downloadLink");

	/** Where each v3 field lives in the stored document, as a query path (arrays of objects flattened). */
	static final Map<String, String> PATHS = paths();

	static final String PENDING = "pending_registration";

	static final String REGISTERED = "registered";

	private ObsoleteShape() {
	}

	private static Map<String, String> paths() {
		var paths = new LinkedHashMap<String, String>();
		paths.put("pidArray", "datasetPids");
		paths.put("creator", "metadata.creators.name");
		paths.put("authors", "metadata.contributors.name");
		paths.put("publisher", "metadata.publisher.name");
		paths.put("relatedPublications", "metadata.relatedIdentifiers.relatedIdentifier");
		METADATA_VALUES.forEach(name -> paths.put(name, "metadata." + name));
		return Map.copyOf(paths);
	}

	/** The v4 status a v3 one stands for: {@code registered} stays, anything else is a draft. */
	static String currentStatus(Object obsolete) {
		return REGISTERED.equals(obsolete) ? PublishedDataKind.REGISTERED : PublishedDataKind.PRIVATE;
	}

	/**
	 * The v4 fields a v3 body sets; its metadata fields are laid over {@code metadata}, the stored metadata when
	 * patching (a v3 patch changes the metadata fields it names and keeps the others).
	 */
	static Document toCurrent(Document obsolete, Map<String, Object> metadata) {
		var current = new Document();
		copy(obsolete, "title", current, "title");
		copy(obsolete, "abstract", current, "abstract");
		copy(obsolete, "pidArray", current, "datasetPids");
		copy(obsolete, "registeredTime", current, "registeredTime");
		copy(obsolete, "doi", current, "doi");
		if (obsolete.containsKey("status")) {
			current.put("status", currentStatus(obsolete.get("status")));
		}
		var merged = new Document(metadata);
		METADATA_VALUES.forEach(name -> copy(obsolete, name, merged, name));
		if (obsolete.containsKey("publisher")) {
			var publisher = merged.get("publisher") instanceof Map<?, ?> before ? new Document(cast(before)) : new Document();
			publisher.put("name", obsolete.get("publisher"));
			merged.put("publisher", publisher);
		}
		if (obsolete.containsKey("creator")) {
			var affiliation = String.valueOf(merged.getOrDefault("affiliation", "")).trim();
			merged.put("creators", strings(obsolete.get("creator")).stream()
				.map(name -> new Document("name", name.trim()).append("affiliation",
						List.of(new Document("name", affiliation))))
				.toList());
		}
		if (obsolete.containsKey("authors")) {
			merged.put("contributors", strings(obsolete.get("authors")).stream()
				.map(name -> new Document("name", name.trim())).toList());
		}
		if (obsolete.containsKey("relatedPublications")) {
			merged.put("relatedIdentifiers", strings(obsolete.get("relatedPublications")).stream()
				.map(identifier -> new Document("relatedIdentifier", identifier)).toList());
		}
		if (!merged.equals(metadata) || metadata.isEmpty()) {
			current.put("metadata", merged);
		}
		return current;
	}

	/** A stored document as a v3 client reads it: only the fields SciCat's v3 shape has, and only those present. */
	static Map<String, Object> toObsolete(Map<String, Object> stored) {
		var json = new LinkedHashMap<String, Object>();
		copy(stored, "_id", json, "_id");
		copy(stored, "doi", json, "doi");
		var metadata = stored.get("metadata") instanceof Map<?, ?> map ? cast(map) : Map.<String, Object>of();
		copy(metadata, "affiliation", json, "affiliation");
		if (metadata.containsKey("creators")) {
			json.put("creator", names(metadata.get("creators"), "name"));
		}
		if (metadata.get("publisher") instanceof Map<?, ?> publisher && publisher.containsKey("name")) {
			json.put("publisher", publisher.get("name"));
		}
		copy(stored, "title", json, "title");
		copy(stored, "abstract", json, "abstract");
		METADATA_VALUES.stream().filter(name -> !name.equals("affiliation"))
			.forEach(name -> copy(metadata, name, json, name));
		copy(stored, "datasetPids", json, "pidArray");
		if (metadata.containsKey("contributors")) {
			json.put("authors", names(metadata.get("contributors"), "name"));
		}
		if (metadata.containsKey("relatedIdentifiers")) {
			json.put("relatedPublications", names(metadata.get("relatedIdentifiers"), "relatedIdentifier"));
		}
		copy(stored, "registeredTime", json, "registeredTime");
		if (stored.containsKey("status")) {
			var status = stored.get("status");
			json.put("status", PublishedDataKind.REGISTERED.equals(status) || PublishedDataKind.AMENDED.equals(status)
					? REGISTERED : PENDING);
		}
		copy(stored, "createdAt", json, "createdAt");
		copy(stored, "updatedAt", json, "updatedAt");
		return json;
	}

	/** A v3 field name as the stored path it queries, sorts or projects; other names are left as they are. */
	static String path(String name) {
		return PATHS.getOrDefault(name, name);
	}

	/**
	 * A v3 LoopBack filter with its v3 field names turned into stored paths: the {@code where} keys at every depth,
	 * the {@code fields} and the {@code order}. Text that is not a JSON object is left for the filter parser to refuse;
	 * no filter is the empty one.
	 */
	static String filter(String json, ObjectMapper mapper) {
		if (json == null || json.isBlank()) {
			return "";
		}
		try {
			if (!(mapper.readTree(json) instanceof ObjectNode filter)) {
				return json;
			}
			if (filter.get("where") instanceof ObjectNode where) {
				filter.set("where", renameKeys(where));
			}
			if (filter.get("fields") instanceof ArrayNode fields) {
				var renamed = fields.arrayNode();
				fields.forEach(field -> renamed.add(path(field.asText())));
				filter.set("fields", renamed);
			}
			else if (filter.get("fields") instanceof ObjectNode fields) {
				filter.set("fields", renameKeys(fields));
			}
			var limits = filter.get("limits") instanceof ObjectNode node ? node : filter;
			if (limits.get("order") instanceof TextNode order) {
				limits.put("order", Arrays.stream(order.asText().split(",")).map(ObsoleteShape::orderPart)
					.collect(Collectors.joining(",")));
			}
			return mapper.writeValueAsString(filter);
		}
		catch (JsonProcessingException ex) {
			return json;
		}
	}

	/** One {@code field:direction} of an order, its field as a stored path. */
	private static String orderPart(String part) {
		var trimmed = part.trim();
		var field = trimmed.split("[: ]+")[0];
		return path(field) + trimmed.substring(field.length());
	}

	private static ObjectNode renameKeys(ObjectNode node) {
		var renamed = node.objectNode();
		node.properties().forEach(entry -> {
			var value = entry.getValue();
			if (value instanceof ObjectNode object) {
				value = renameKeys(object);
			}
			else if (value instanceof ArrayNode array) {
				var items = array.arrayNode();
				array.forEach(item -> items.add(item instanceof ObjectNode object ? renameKeys(object) : item));
				value = items;
			}
			renamed.set(path(entry.getKey()), value);
		});
		return renamed;
	}

	private static void copy(Map<String, Object> from, String name, Map<String, Object> to, String as) {
		if (from.containsKey(name)) {
			to.put(as, from.get(name));
		}
	}

	private static List<Object> names(Object list, String field) {
		var names = new ArrayList<>();
		if (list instanceof List<?> items) {
			items.forEach(item -> names.add(item instanceof Map<?, ?> map ? map.get(field) : item));
		}
		return names;
	}

	private static List<String> strings(Object value) {
		return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

}

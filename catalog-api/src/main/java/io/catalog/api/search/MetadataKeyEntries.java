package io.catalog.api.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import io.catalog.api.access.Caller;
import io.catalog.api.document.Catalog;

/**
 * SciCat's metadata key entries (v4 {@code /metadatakeys}): one per top-level scientific-metadata key of each
 * readable dataset, proposal and sample, with the source's groups and publication, derived from the search
 * indexes instead of kept in a collection of their own. An entry's {@code createdAt} is when its source was last
 * written (SciCat writes a source's entries anew on each write), and entries come newest first unless sorted
 * otherwise.
 */
@Service
class MetadataKeyEntries {

	/** SciCat's {@code sourceType} of each searched kind. */
	private static final Map<String, Profile> SOURCES = Map.of("dataset", Profile.DATASETS, "proposal",
			Profile.PROPOSALS, "sample", Profile.SAMPLES);

	private final SearchIndexes indexes;

	private final Catalog catalog;

	MetadataKeyEntries(SearchIndexes indexes, Catalog catalog) {
		this.indexes = indexes;
		this.catalog = catalog;
	}

	List<Map<String, Object>> list(MetadataKeyFilter filter, Caller caller) {
		int wanted = filter.skip() + filter.limit();
		var entries = new ArrayList<Entry>();
		SOURCES.forEach((sourceType, profile) -> {
			if (filter.sourceType() != null && !filter.sourceType().equals(sourceType)) {
				return;
			}
			var rule = catalog.policy().readRule(caller, profile.kind().resource());
			var ids = filter.sourceId() == null ? null : Set.<Object>of(filter.sourceId());
			var order = new Order("updatedAt", filter.descending());
			for (IndexedDocument source : indexes.of(profile).top(rule, ids, filter::admits, order, wanted)) {
				entries.addAll(entries(sourceType, source, filter));
			}
		});
		Comparator<Entry> byTime = Comparator.comparingLong(Entry::time);
		entries.sort((filter.descending() ? byTime.reversed() : byTime)
			.thenComparing(e -> String.valueOf(e.json().get("id"))));
		return entries.stream().skip(filter.skip()).limit(filter.limit()).map(e -> filter.project(e.json())).toList();
	}

	private static List<Entry> entries(String sourceType, IndexedDocument source, MetadataKeyFilter filter) {
		var names = new TreeMap<String, String>();
		source.metadata().forEach((path, leaf) -> {
			int dot = path.indexOf('.');
			var key = dot < 0 ? path : path.substring(0, dot);
			var name = dot < 0 && leaf.humanName() != null ? leaf.humanName() : "";
			names.merge(key, name, (a, b) -> a.isEmpty() ? b : a);
		});
		var groups = new ArrayList<Object>(source.facets().getOrDefault("ownerGroup", List.of()));
		source.facets().getOrDefault("accessGroups", List.of()).stream().filter(g -> !groups.contains(g)).forEach(groups::add);
		var published = source.facets().getOrDefault("isPublished", List.of()).contains(Boolean.TRUE);
		long time = source.sortKeys().get("updatedAt") instanceof Number t ? t.longValue()
				: source.sortKeys().get("createdAt") instanceof Number t ? t.longValue() : 0;
		var result = new ArrayList<Entry>();
		names.forEach((key, name) -> {
			if (!filter.admits(key, name)) {
				return;
			}
			var id = sourceType + "_" + source.id() + "_" + key;
			var json = new LinkedHashMap<String, Object>();
			json.put("id", id);
			json.put("_id", id);
			json.put("key", key);
			json.put("humanReadableName", name);
			json.put("userGroups", groups);
			json.put("sourceType", sourceType);
			json.put("sourceId", String.valueOf(source.id()));
			json.put("isPublished", published);
			json.put("createdBy", "system");
			json.put("updatedBy", "system");
			json.put("createdAt", Instant.ofEpochMilli(time).toString());
			json.put("updatedAt", Instant.ofEpochMilli(time).toString());
			result.add(new Entry(time, json));
		});
		return result;
	}

	/** An entry and the time it is sorted by. */
	private record Entry(long time, Map<String, Object> json) {
	}

}

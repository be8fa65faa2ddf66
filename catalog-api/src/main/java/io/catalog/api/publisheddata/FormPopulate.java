package io.catalog.api.publisheddata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import io.catalog.api.access.Caller;
import io.catalog.api.dataset.Datasets;
import io.catalog.api.document.Catalog;
import io.catalog.api.web.InvalidInputException;

/**
 * What SciCat's publication form starts from, for the datasets to publish: the first dataset's type and
 * description, its first proposal's title and abstract, its first attachment's thumbnail, and the metadata the
 * configured schema's defaults give. Unlike SciCat, it reads only what the caller may read: a dataset hidden
 * from the caller fills nothing in.
 */
@Component
class FormPopulate {

	private final Catalog catalog;

	private final PublishedDataConfig config;

	private final ObjectMapper mapper;

	FormPopulate(Catalog catalog, PublishedDataConfig config, ObjectMapper mapper) {
		this.catalog = catalog;
		this.config = config;
		this.mapper = mapper;
	}

	Mono<Map<String, Object>> of(List<String> pids, Caller caller) {
		if (pids == null || pids.isEmpty() || pids.get(0).isBlank()) {
			throw new InvalidInputException("pid", "is required: the dataset whose publication the form is for");
		}
		var filter = mapper.createObjectNode();
		filter.putObject("where").put("pid", pids.get(0));
		filter.putArray("include").add("proposals").add("attachments");
		return catalog.list(Datasets.KIND, caller, catalog.filter(Datasets.KIND, filter.toString()).withLimit(1))
			.map(found -> {
				var form = new LinkedHashMap<String, Object>();
				if (!found.isEmpty()) {
					var dataset = found.get(0);
					putIfPresent(form, "resourceType", dataset.get("type"));
					putIfPresent(form, "description", dataset.get("description"));
					first(dataset.get("proposals")).ifPresent(proposal -> {
						putIfPresent(form, "title", proposal.get("title"));
						putIfPresent(form, "abstract", proposal.get("abstract"));
					});
					first(dataset.get("attachments"))
						.ifPresent(attachment -> putIfPresent(form, "thumbnail", attachment.get("thumbnail")));
				}
				form.put("metadata", config.defaults());
				return form;
			});
	}

	private static Optional<Map<?, ?>> first(Object included) {
		return included instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> map
				? Optional.of(map) : Optional.empty();
	}

	private static void putIfPresent(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}

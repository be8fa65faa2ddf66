package io.catalog.api.publisheddata;

import java.util.Map;
import java.util.UUID;

import com.mongodb.MongoException;
import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import io.catalog.api.access.Caller;
import io.catalog.api.document.Catalog;
import io.catalog.api.document.InvalidInputException;
import io.catalog.api.document.Schema;
import io.catalog.api.web.Problems;

/**
 * Creates and changes published data by SciCat's rules: DOIs from {@code DOI_PREFIX}, and a status that only moves
 * forward through private, public, registered, amended. Registering DOIs with DataCite is not done here.
 */
@Service
class PublishedDataService {

	private static final int DUPLICATE_KEY = 11000;

	private final Catalog catalog;

	private final PublishedDataProperties properties;

	PublishedDataService(Catalog catalog, PublishedDataProperties properties) {
		this.catalog = catalog;
		this.properties = properties;
	}

	/** Stores new published data; 409 if its doi is taken. */
	Mono<Document> create(Map<String, Object> body, Caller caller) {
		return Mono.fromSupplier(() -> {
			var data = PublishedDataKind.CREATE.read(body, Schema.Mode.CREATE);
			data.putIfAbsent("status", PublishedDataKind.STATUSES.get(0));
			checkStatus(data.get("status"));
			catalog.policy().checkCreate(caller, PublishedDataKind.KIND.resource(), data, null);
			var doi = data.get("doi") instanceof String chosen ? chosen : properties.newDoi(UUID.randomUUID().toString());
			data.put("_id", doi);
			data.put("doi", doi);
			return data;
		}).flatMap(data -> catalog.insert(PublishedDataKind.KIND, data, caller, "list fewer pids per publication")
			.onErrorMap(ex -> ex instanceof MongoException mongo && mongo.getCode() == DUPLICATE_KEY,
					ex -> Problems.conflict("Published data with doi " + data.get("doi") + " already exists")));
	}

	/** Applies a partial update the caller may make; the doi is fixed and the status only moves forward. */
	Mono<Document> patch(String doi, Map<String, Object> body, Caller caller) {
		return catalog.existing(PublishedDataKind.KIND, doi).flatMap(before -> {
			var policy = catalog.policy();
			policy.checkRead(caller, PublishedDataKind.KIND.resource(), before);
			policy.checkUpdate(caller, PublishedDataKind.KIND.resource(), before);
			var fields = PublishedDataKind.PATCH.read(body, Schema.Mode.UPDATE);
			if (fields.containsKey("doi") && !doi.equals(fields.get("doi"))) {
				throw new InvalidInputException("doi", "cannot be changed");
			}
			if (fields.containsKey("status")) {
				checkStatus(fields.get("status"));
				var from = PublishedDataKind.STATUSES.indexOf(before.get("status"));
				if (PublishedDataKind.STATUSES.indexOf(fields.get("status")) < from) {
					throw new InvalidInputException("status", "cannot move back from " + before.get("status") + " to "
							+ fields.get("status") + "; the order is " + PublishedDataKind.STATUSES);
				}
			}
			return catalog.set(PublishedDataKind.KIND, caller, before, fields);
		});
	}

	private static void checkStatus(Object status) {
		if (!PublishedDataKind.STATUSES.contains(status)) {
			throw new InvalidInputException("status", "must be one of " + PublishedDataKind.STATUSES);
		}
	}

}

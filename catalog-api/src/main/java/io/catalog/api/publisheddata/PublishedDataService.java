package io.catalog.api.publisheddata;

import java.time.Year;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.mongodb.MongoException;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import io.catalog.api.access.Caller;
import io.catalog.api.access.Resource;
import io.catalog.api.dataset.Datasets;
import io.catalog.api.document.Catalog;
import io.catalog.api.web.InvalidInputException;
import io.catalog.api.web.Problems;

/**
 * Published data by SciCat's rules: DOIs from {@code DOI_PREFIX}; a status that only moves forward through private,
 * public, registered and amended; metadata checked against the configured schema before it is published or
 * registered; and the datasets of a publication made public with it. DOIs are not sent to DataCite here.
 */
@Service
class PublishedDataService {

	private static final int DUPLICATE_KEY = 11000;

	private final Catalog catalog;

	private final PublishedDataProperties properties;

	private final PublishedDataConfig config;

	PublishedDataService(Catalog catalog, PublishedDataProperties properties, PublishedDataConfig config) {
		this.catalog = catalog;
		this.properties = properties;
		this.config = config;
	}

	/** Stores a new publication (fields in the stored shape, already read); 409 if its doi is taken. */
	Mono<Document> create(Document data, Caller caller) {
		return Mono.fromSupplier(() -> {
			catalog.policy().checkCreate(caller, Resource.PUBLISHED_DATA, data, null);
			data.putIfAbsent("status", PublishedDataKind.PRIVATE);
			checkStatus(data.get("status"));
			var metadata = data.get("metadata") instanceof Map<?, ?> given ? new Document(cast(given)) : new Document();
			metadata.putIfAbsent("publicationYear", Year.now().getValue());
			data.put("metadata", metadata);
			var doi = data.get("doi") instanceof String chosen ? chosen : properties.newDoi(UUID.randomUUID().toString());
			data.put("_id", doi);
			data.put("doi", doi);
			return data;
		}).flatMap(publication -> catalog.insert(PublishedDataKind.KIND, publication, caller, "list fewer pids per publication")
			.onErrorMap(ex -> ex instanceof MongoException mongo && mongo.getCode() == DUPLICATE_KEY,
					ex -> Problems.conflict("Published data with doi " + publication.get("doi") + " already exists")));
	}

	/** The publication if the caller may see it; 404 otherwise, so a draft's existence is not given away. */
	Mono<Document> visible(String doi, Caller caller) {
		return catalog.store().get(PublishedDataKind.KIND, doi)
			.filter(found -> catalog.policy().canRead(caller, Resource.PUBLISHED_DATA, found))
			.switchIfEmpty(Mono.error(() -> Problems.notFound("PublishedData", doi)));
	}

	/** Applies a change its author (or an admin) makes; the doi is fixed and the status only moves forward. */
	Mono<Document> change(Document before, Document fields, Caller caller) {
		catalog.policy().checkUpdate(caller, Resource.PUBLISHED_DATA, before);
		if (fields.containsKey("doi") && !before.get("_id").equals(fields.get("doi"))) {
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
	}

	/**
	 * Refuses a v4 change or removal by state, as SciCat does: an admin may not touch a registered or amended
	 * publication, anyone else only a private one (its own, the only private ones it sees).
	 */
	void checkStillOpen(Document publication, Caller caller, String verb) {
		var status = publication.get("status");
		if (catalog.policy().isAdmin(caller)) {
			if (PublishedDataKind.REGISTERED.equals(status) || PublishedDataKind.AMENDED.equals(status)) {
				throw new InvalidInputException("status", "is " + status + "; registered or amended published data cannot be "
						+ verb);
			}
		}
		else if (!PublishedDataKind.PRIVATE.equals(status)) {
			throw new InvalidInputException("status", "is " + status + "; published data can only be " + verb
					+ " while it is private");
		}
	}

	/** Deletes a publication (DELETE_GROUPS), after {@code check}; 404 when missing. */
	Mono<Document> delete(String doi, Caller caller, Consumer<Document> check) {
		return catalog.delete(PublishedDataKind.KIND, caller, doi, publication -> {
			catalog.policy().checkDelete(caller, Resource.PUBLISHED_DATA, publication);
			check.accept(publication);
		});
	}

	/** Makes a private publication public, with its datasets, once its metadata meets the schema (v4). */
	Mono<Document> publish(String doi, Caller caller) {
		return visible(doi, caller).flatMap(publication -> {
			if (!PublishedDataKind.PRIVATE.equals(publication.get("status"))) {
				throw new InvalidInputException("status",
						"is " + publication.get("status") + "; published data can only be published while it is private");
			}
			checkMetadata(publication);
			return publishDatasets(publication, caller, null)
				.then(change(publication, new Document("status", PublishedDataKind.PUBLIC), caller));
		});
	}

	/**
	 * Marks a publication registered and its datasets published on this date; through v4 only once its metadata
	 * meets the schema (SciCat's v3 route registers what the older shape holds, which that schema does not describe).
	 */
	Mono<Document> register(String doi, Caller caller, boolean checked) {
		return visible(doi, caller).flatMap(publication -> {
			if (checked) {
				checkMetadata(publication);
			}
			var now = new Date();
			var fields = new Document("registeredTime", now);
			if (PublishedDataKind.STATUSES.indexOf(publication.get("status")) < PublishedDataKind.STATUSES
				.indexOf(PublishedDataKind.REGISTERED)) {
				fields.put("status", PublishedDataKind.REGISTERED);
			}
			return publishDatasets(publication, caller, now).then(change(publication, fields, caller));
		});
	}

	/** Marks a registered publication amended (admins only). */
	Mono<Document> amend(String doi, Caller caller) {
		return Mono.fromRunnable(() -> {
			if (!caller.authenticated()) {
				throw Problems.unauthorized();
			}
			if (!catalog.policy().isAdmin(caller)) {
				throw Problems.forbidden("Only admins may amend published data");
			}
		}).then(catalog.existing(PublishedDataKind.KIND, doi)).flatMap(publication -> {
			if (!PublishedDataKind.REGISTERED.equals(publication.get("status"))) {
				throw new InvalidInputException("status",
						"is " + publication.get("status") + "; published data can only be amended while it is registered");
			}
			return change(publication, new Document("status", PublishedDataKind.AMENDED), caller);
		});
	}

	/** The configuration the frontend reads. */
	Map<String, Object> config() {
		return config.document();
	}

	private void checkMetadata(Document publication) {
		var problems = config.problems(publication.get("metadata"));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	/**
	 * Makes the publication's datasets public (and stamps their lifecycle's {@code publishedOn} when registering),
	 * once every one of them exists and the caller may change it, so none is changed when one is refused.
	 */
	private Mono<Void> publishDatasets(Document publication, Caller caller, Date publishedOn) {
		var pids = publication.getList("datasetPids", String.class, List.of());
		return Flux.fromIterable(pids)
			.concatMap(pid -> catalog.existing(Datasets.KIND, pid)
				.doOnNext(dataset -> catalog.policy().checkUpdate(caller, Resource.DATASET, dataset)))
			.collectList()
			.flatMapMany(Flux::fromIterable)
			.concatMap(dataset -> {
				var fields = new Document("isPublished", true);
				if (publishedOn != null) {
					var lifecycle = dataset.get("datasetlifecycle") instanceof Map<?, ?> stored
							? new Document(cast(stored)) : new Document();
					lifecycle.put("publishedOn", publishedOn);
					fields.put("datasetlifecycle", lifecycle);
				}
				return catalog.set(Datasets.KIND, caller, dataset, fields);
			})
			.then();
	}

	private static void checkStatus(Object status) {
		if (!PublishedDataKind.STATUSES.contains(status)) {
			throw new InvalidInputException("status", "must be one of " + PublishedDataKind.STATUSES);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> cast(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

}

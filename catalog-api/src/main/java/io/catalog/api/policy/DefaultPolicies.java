package io.catalog.api.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import io.catalog.api.access.Caller;
import io.catalog.api.document.Catalog;

/**
 * The policy every owner group has once it owns a dataset, as SciCat keeps it: the first dataset of a group without
 * one creates it (its managers the dataset's owner emails, its tape redundancy the {@code AV=} of the dataset's
 * classification, else low), and every new dataset's classification names its group's tape redundancy.
 * Two first datasets of one group created at the same instant may each create one, as in SciCat.
 */
@Component
public class DefaultPolicies {

	private static final Pattern AVAILABILITY = Pattern.compile("AV=([^,]*),");

	private final Catalog catalog;

	DefaultPolicies(Catalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * Sets the new dataset's classification: its group's tape redundancy, or its own {@code AV=}, else low; answers
	 * whether its group has no policy yet.
	 */
	public Mono<Boolean> classify(Document dataset) {
		return policyOf(dataset)
			.map(policy -> Optional.of(policy.get("tapeRedundancy") instanceof String redundancy ? redundancy : "low"))
			.defaultIfEmpty(Optional.empty())
			.map(found -> {
				var redundancy = found.orElseGet(() -> availability(dataset.get("classification")));
				dataset.append("classification", "IN=medium,AV=" + redundancy + ",CO=low");
				return found.isEmpty() && dataset.get("ownerGroup") != null;
			});
	}

	/** Creates the default policy of a stored dataset's group, which {@link #classify} found without one. */
	public Mono<Void> create(Document dataset, Caller caller) {
		return catalog.insert(Policies.KIND, policyFor(dataset, availability(dataset.get("classification"))), caller,
				"keep policies small").then();
	}

	private Mono<Document> policyOf(Document dataset) {
		var ownerGroup = dataset.get("ownerGroup");
		return ownerGroup == null ? Mono.empty()
				: catalog.store().children(Policies.KIND.collection(), "ownerGroup", ownerGroup).next();
	}

	private static String availability(Object classification) {
		var matcher = AVAILABILITY.matcher(classification instanceof String text ? text : "");
		return matcher.find() ? matcher.group(1) : "low";
	}

	private static Document policyFor(Document dataset, String redundancy) {
		var emails = dataset.get("ownerEmail") instanceof String text && !text.isEmpty()
				? Arrays.stream(text.split(",")).map(String::trim).toList() : List.of("");
		return new Document("_id", UUID.randomUUID().toString()).append("ownerGroup", dataset.get("ownerGroup"))
			.append("accessGroups", dataset.get("accessGroups") instanceof List<?> groups ? groups : List.of())
			.append("manager", emails)
			.append("tapeRedundancy", redundancy)
			.append("autoArchive", false)
			.append("autoArchiveDelay", 7)
			.append("archiveEmailNotification", true)
			.append("retrieveEmailNotification", true)
			.append("archiveEmailsToBeNotified", List.of())
			.append("retrieveEmailsToBeNotified", List.of())
			.append("embargoPeriod", 3);
	}

}

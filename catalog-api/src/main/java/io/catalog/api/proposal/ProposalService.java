package io.catalog.api.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.MongoException;
import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import io.catalog.api.access.Caller;
import io.catalog.api.dataset.Datasets;
import io.catalog.api.document.Catalog;
import io.catalog.api.schema.Schema;
import io.catalog.api.web.FieldError;
import io.catalog.api.web.InvalidInputException;
import io.catalog.api.web.Problems;

/** Creates and checks proposals by SciCat's rules and finds the datasets taken under one. */
@Service
class ProposalService {

	private static final int DUPLICATE_KEY = 11000;

	private static final String SIZE_HINT = "keep large data out of the proposal's metadata";

	private final Catalog catalog;

	private final ProposalTypes types;

	ProposalService(Catalog catalog, ProposalTypes types) {
		this.catalog = catalog;
		this.types = types;
	}

	/** Reads and checks a new proposal, without storing it. */
	Document validate(Map<String, Object> body, Caller caller) {
		catalog.policy().checkCreate(caller, Proposals.KIND.resource(), new Document(), null);
		var proposal = Proposals.CREATE.read(body, Schema.Mode.CREATE);
		catalog.policy().checkCreate(caller, Proposals.KIND.resource(), proposal, null);
		proposal.putIfAbsent("type", ProposalTypes.DEFAULT);
		checkType(proposal.get("type"));
		proposal.put("_id", proposal.get("proposalId"));
		proposal.putIfAbsent("isPublished", false);
		proposal.putIfAbsent("accessGroups", new ArrayList<>());
		proposal.putIfAbsent("MeasurementPeriodList", new ArrayList<>());
		// SciCat's schema defaults, which its frontend reads unguarded (instrumentIds[0], metadata's entries)
		proposal.putIfAbsent("instrumentIds", new ArrayList<>());
		proposal.putIfAbsent("metadata", new Document());
		return proposal;
	}

	/** Stores a new proposal; 409 {@code Proposal with <id> already exists} when the id is taken. */
	Mono<Document> create(Map<String, Object> body, Caller caller) {
		return Mono.fromSupplier(() -> validate(body, caller))
			.flatMap(proposal -> catalog.insert(Proposals.KIND, proposal, caller, SIZE_HINT)
				.onErrorMap(ex -> ex instanceof MongoException mongo && mongo.getCode() == DUPLICATE_KEY,
						ex -> Problems.conflict("Proposal with " + proposal.get("_id") + " already exists")));
	}

	/** Applies a partial update; the proposalId is fixed and a new type must be one the site allows. */
	Mono<Document> patch(String id, Map<String, Object> body, Caller caller) {
		return Mono.fromRunnable(() -> {
			if (body.get("type") instanceof String type) {
				checkType(type);
			}
		}).then(catalog.patch(Proposals.KIND, caller, id, body, Proposals.PATCH, Set.of("proposalId")));
	}

	private void checkType(Object type) {
		if (!types.accepts(type)) {
			throw new InvalidInputException("type", "must be one of the following values: " + types.describe());
		}
	}

	/** Why a body would be refused, or nothing when it would be accepted (401/403 still raised). */
	List<FieldError> problems(Map<String, Object> body, Caller caller) {
		try {
			validate(body, caller);
			return List.of();
		}
		catch (InvalidInputException ex) {
			return ex.errors();
		}
	}

	/** The datasets of a proposal the caller may read (SciCat's scalar proposalId or the newer proposalIds). */
	Mono<List<Map<String, Object>>> datasets(String id, String filterJson, Caller caller) {
		return catalog.readable(Proposals.KIND, caller, id).flatMap(proposal -> {
			var filter = catalog.filter(Datasets.KIND, filterJson);
			var ofProposal = new Document("$or",
					List.of(new Document("proposalId", id), new Document("proposalIds", id)));
			var where = filter.where().isEmpty() ? ofProposal : new Document("$and", List.of(filter.where(), ofProposal));
			return catalog.list(Datasets.KIND, caller, filter.withWhere(where));
		});
	}

}

package io.catalog.api.instrument;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.mongodb.MongoException;
import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.catalog.api.access.Caller;
import io.catalog.api.contract.ApiBody;
import io.catalog.api.contract.ApiReturns;
import io.catalog.api.dataset.DatasetProperties;
import io.catalog.api.document.Catalog;
import io.catalog.api.schema.Schema;
import io.catalog.api.web.InvalidInputException;
import io.catalog.api.web.Problems;

/**
 * SciCat's instrument routes under {@code /api/v3/instruments} and {@code /api/v4/instruments}: anyone reads,
 * only admins write (see {@code AccessPolicy}). Pids are {@code <PID_PREFIX>/<uuid>}, like datasets', and a path may
 * carry one with its slash encoded or bare.
 */
@RestController
@Tag(name = "Instruments")
@RequestMapping({ "/api/v3/instruments", "/api/v4/instruments" })
class InstrumentController {

	private static final int DUPLICATE_KEY = 11000;

	private final Catalog catalog;

	private final DatasetProperties pids;

	InstrumentController(Catalog catalog, DatasetProperties pids) {
		this.catalog = catalog;
		this.pids = pids;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createInstrument", summary = "Create an instrument (admins)")
	@ApiBody("CreateInstrument")
	@ApiReturns("Instrument")
	Mono<Map<String, Object>> create(@RequestBody Map<String, Object> body, Caller caller) {
		return Mono.fromSupplier(() -> {
			var instrument = Instruments.CREATE.read(body, Schema.Mode.CREATE);
			catalog.policy().checkCreate(caller, Instruments.KIND.resource(), instrument, null);
			var pid = pids.newPid(UUID.randomUUID().toString());
			instrument.put("_id", pid);
			instrument.put("pid", pid);
			instrument.putIfAbsent("customMetadata", new Document());
			return instrument;
		})
			.flatMap(instrument -> catalog.insert(Instruments.KIND, instrument, caller, "keep customMetadata small"))
			.onErrorMap(InstrumentController::duplicate, InstrumentController::conflict)
			.map(Instruments.KIND::toJson);
	}

	@GetMapping
	@Operation(operationId = "listInstruments", summary = "Instruments matching a LoopBack filter, under the read rule")
	@ApiReturns(value = "Instrument", list = true)
	Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String filter, Caller caller) {
		return catalog.list(Instruments.KIND, caller, filter);
	}

	@GetMapping("/findOne")
	@Operation(operationId = "findOneInstrument", summary = "The first instrument matching a LoopBack filter")
	@ApiReturns("Instrument")
	Mono<Map<String, Object>> findOne(@RequestParam(required = false) String filter, Caller caller) {
		return catalog.findOne(Instruments.KIND, caller, filter);
	}

	@GetMapping("/count")
	@Operation(operationId = "countInstruments", summary = "How many instruments match the filter's where")
	@ApiReturns("Count")
	Mono<Map<String, Object>> count(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String where, Caller caller) {
		return catalog.count(Instruments.KIND, caller, filter, where);
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getInstrument", summary = "One instrument")
	@ApiReturns("Instrument")
	Mono<Map<String, Object>> get(@PathVariable(required = false) String prefix, @PathVariable String id,
			Caller caller) {
		return catalog.readable(Instruments.KIND, caller, pid(prefix, id)).map(Instruments.KIND::toJson);
	}

	@PatchMapping("/{id}")
	@Operation(operationId = "updateInstrument", summary = "Change some fields of an instrument (admins)")
	@ApiBody("UpdateInstrument")
	@ApiReturns("Instrument")
	Mono<Map<String, Object>> patch(@PathVariable(required = false) String prefix, @PathVariable String id,
			@RequestBody Map<String, Object> body, Caller caller) {
		return catalog.patch(Instruments.KIND, caller, pid(prefix, id), body, Instruments.PATCH, Set.of("pid"))
			.onErrorMap(InstrumentController::duplicate, InstrumentController::takenName)
			.map(Instruments.KIND::toJson);
	}

	@DeleteMapping("/{id}")
	@Operation(operationId = "deleteInstrument", summary = "Delete an instrument (admins)")
	@ApiReturns("Instrument")
	Mono<Map<String, Object>> delete(@PathVariable(required = false) String prefix, @PathVariable String id,
			Caller caller) {
		return catalog.delete(Instruments.KIND, caller, pid(prefix, id)).map(Instruments.KIND::toJson);
	}

	/** The instrument by a pid whose slash a client left bare (SciCat's own tests do); the same operation as {@code get}. */
	@GetMapping("/{prefix}/{id}")
	@Operation(hidden = true)
	Mono<Map<String, Object>> getBare(@PathVariable String prefix, @PathVariable String id, Caller caller) {
		return get(prefix, id, caller);
	}

	@PatchMapping("/{prefix}/{id}")
	@Operation(hidden = true)
	Mono<Map<String, Object>> patchBare(@PathVariable String prefix, @PathVariable String id,
			@RequestBody Map<String, Object> body, Caller caller) {
		return patch(prefix, id, body, caller);
	}

	@DeleteMapping("/{prefix}/{id}")
	@Operation(hidden = true)
	Mono<Map<String, Object>> deleteBare(@PathVariable String prefix, @PathVariable String id, Caller caller) {
		return delete(prefix, id, caller);
	}

	/**
	 * The pid a path names: clients send {@code <PID_PREFIX>/<uuid>} encoded as one segment or, as SciCat's own
	 * tests do, with the slash left bare, which makes two.
	 */
	private static String pid(String prefix, String id) {
		return prefix == null ? id : prefix + "/" + id;
	}

	private static boolean duplicate(Throwable ex) {
		return ex instanceof MongoException mongo && mongo.getCode() == DUPLICATE_KEY;
	}

	/** A new instrument whose uniqueName is taken: 409, as for every duplicate. */
	private static Throwable conflict(Throwable ex) {
		return Problems.conflict("Instrument with the same unique name already exists");
	}

	/** A change to a uniqueName another instrument holds: bad input naming the field, as SciCat answers (400). */
	private static Throwable takenName(Throwable ex) {
		return new InvalidInputException("uniqueName", "is already the unique name of another instrument");
	}

}

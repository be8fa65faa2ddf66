package io.catalog.api.instrument;

import static io.catalog.api.schema.FieldType.DATE;
import static io.catalog.api.schema.FieldType.OBJECT;
import static io.catalog.api.schema.FieldType.STRING;

import java.util.Map;

import io.catalog.api.access.Resource;
import io.catalog.api.document.EntityKind;
import io.catalog.api.schema.Schema;

/** The instrument kind: SciCat's {@code Instrument} collection, {@code _id} = generated pid. */
public final class Instruments {

	/** Fields a patch may set; the pid may be repeated but not changed. */
	static final Schema PATCH = Schema.builder()
		.optional(STRING, "pid", "uniqueName", "name")
		.optional(OBJECT, "customMetadata")
		.build();

	/** SciCat's CreateInstrumentDto (the pid is always generated). */
	static final Schema CREATE = PATCH.with().without("pid").required("uniqueName", STRING).required("name", STRING)
		.build();

	static final Schema QUERY = PATCH.with()
		.optional(DATE, "createdAt", "updatedAt")
		.optional(STRING, "createdBy", "updatedBy")
		.build();

	/** Shown with {@code id} beside {@code pid}, as SciCat shows its instruments. */
	public static final EntityKind KIND = new EntityKind(Resource.INSTRUMENT, "Instrument", "pid", QUERY, Map.of(), true);

	private Instruments() {
	}

}

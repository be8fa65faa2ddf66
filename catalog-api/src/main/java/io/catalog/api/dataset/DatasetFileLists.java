package io.catalog.api.dataset;

import java.util.List;

import org.bson.Document;

import io.catalog.api.access.Caller;
import io.catalog.api.document.EntityKind;
import io.catalog.api.schema.Schema;

/**
 * The file lists a new dataset may carry in its create request, under {@code origdatablocks} in the shape a read
 * with that {@code include} answers: one request stores a dataset with its files, and the dataset is never seen
 * without them. The feature that keeps file lists reads them.
 */
public interface DatasetFileLists {

	/** The field of a create request that holds the file lists. */
	String FIELD = "origdatablocks";

	/** The field of a stored file list that names its dataset. */
	String FOREIGN_KEY = "datasetId";

	/** The kind of the stored file lists. */
	EntityKind kind();

	/** What one file list of a create request holds. */
	Schema schema();

	/**
	 * Reads and checks the file lists of a dataset about to be stored, as documents belonging to it (their ids
	 * derived from its pid), and adds their sizes and file counts to its counters; throws with the fields at fault.
	 */
	List<Document> read(Document dataset, List<?> bodies, Caller caller);

}

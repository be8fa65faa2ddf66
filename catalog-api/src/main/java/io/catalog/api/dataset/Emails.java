package io.catalog.api.dataset;

import java.util.ArrayList;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.bson.Document;

import io.catalog.api.web.FieldError;
import io.catalog.api.web.InvalidInputException;

/**
 * SciCat's checks of a dataset's addresses: {@code ownerEmail} one address, {@code contactEmail} one or more
 * separated by commas or semicolons. Faults are reported with the schema's, all in one refusal.
 */
final class Emails {

	private static final Pattern ADDRESS = Pattern.compile("[^@\\s;,]+@[^@\\s;,]+\\.[^@\\s;,]+");

	private Emails() {
	}

	/** The document the schema reads, or one refusal naming the schema's faults and the addresses'. */
	static Document checked(Map<String, Object> body, Supplier<Document> read) {
		var faults = new ArrayList<FieldError>();
		if (body.get("ownerEmail") instanceof String owner && !ADDRESS.matcher(owner.trim()).matches()) {
			faults.add(new FieldError("ownerEmail", "must be an email"));
		}
		if (body.get("contactEmail") instanceof String contact
				&& !java.util.Arrays.stream(contact.split("[;,]")).allMatch(a -> ADDRESS.matcher(a.trim()).matches())) {
			faults.add(new FieldError("contactEmail", "must be an email or a list of emails"));
		}
		try {
			var document = read.get();
			if (!faults.isEmpty()) {
				throw new InvalidInputException(faults);
			}
			return document;
		}
		catch (InvalidInputException ex) {
			if (faults.isEmpty() || ex.errors().containsAll(faults)) {
				throw ex;
			}
			var all = new ArrayList<>(faults);
			all.addAll(ex.errors());
			throw new InvalidInputException(all);
		}
	}

}

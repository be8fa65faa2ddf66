package io.catalog.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.catalog.sdk.invoker.ApiException;
import io.catalog.sdk.model.Problem;

/** A refusal from the catalog: the HTTP status and the RFC 9457 problem details it sent. */
public class CatalogException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final transient Problem problem;

	public CatalogException(int status, Problem problem, Throwable cause) {
		super(status + ": " + (problem != null && problem.getDetail() != null ? problem.getDetail() : "no details"), cause);
		this.status = status;
		this.problem = problem;
	}

	/** The status code, or 0 when no answer came (a connection failure). */
	public int status() {
		return status;
	}

	/** The problem details, or {@code null} when the answer carried none. */
	public Problem problem() {
		return problem;
	}

	static CatalogException from(Throwable failure, ObjectMapper mapper) {
		if (failure instanceof CatalogException known) {
			return known;
		}
		if (failure instanceof ApiException api) {
			Problem problem = null;
			if (api.getResponseBody() != null && !api.getResponseBody().isBlank()) {
				try {
					problem = mapper.readValue(api.getResponseBody(), Problem.class);
				}
				catch (JsonProcessingException ex) {
					problem = new Problem().status(api.getCode()).detail(api.getResponseBody());
				}
			}
			return new CatalogException(api.getCode(), problem, api);
		}
		return new CatalogException(0, null, failure);
	}

}

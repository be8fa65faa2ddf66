package io.catalog.api.web;

/**
 * Why one field of a request was refused.
 *
 * @param field the field's path, dotted for nested fields
 * @param reason what is wrong with it
 */
public record FieldError(String field, String reason) {
}

/** Users as SciCat's frontend sees them: who they are and the settings it keeps for each. */
package io.catalog.api.user;

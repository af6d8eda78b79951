package io.sipplatform.cdr;

import javax.sql.DataSource;

/** The datasource this replica uses (after migration) and its name, "postgresql" or "embedded". */
public record SelectedDatabase(String name, DataSource dataSource) {
}

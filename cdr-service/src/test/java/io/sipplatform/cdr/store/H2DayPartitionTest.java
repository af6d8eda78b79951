package io.sipplatform.cdr.store;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/** Day partitioning on the embedded default's engine: same columns and keys, no partitions. */
class H2DayPartitionTest extends DayPartitionContract {
    private static final List<String> TABLES = List.of(ALL);

    @Override
    DataSource open() {
        return TestDatabases.h2();
    }

    @Override
    DataSource openAt(String version) {
        return TestDatabases.h2At(version);
    }

    @Override
    boolean partitioned() {
        return false;
    }

    @Override
    Set<String> placesOf(String callId) throws SQLException {
        Set<String> places = new TreeSet<>();
        for (String table : TABLES) {
            if (count("SELECT COUNT(*) FROM " + table + " WHERE call_id = '" + callId + "'") > 0) {
                places.add(table);
            }
        }
        return places;
    }

    @Override
    Set<String> placesOfDay(LocalDate day, String... tables) {
        return new TreeSet<>(List.of(tables));
    }
}

package io.snapshotbatch.input;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.snapshotbatch.run.DatabaseTarget;

/**
 * A source table {@code src(id, eng, opp)} as a partner's CRM would hold it, with invalid rows and
 * duplicates among the good ones, and what staging must make of it. Test support only.
 * <ul>
 * <li>every 11th row (4, 15, ...) has an invalid engagement id: REJECTED;</li>
 * <li>every 13th row (6, 19, ...) repeats the row before it: DUPLICATE, or REJECTED if that one was;</li>
 * <li>the last row repeats the first, a duplicate whose original is many fetches and batches back.</li>
 * </ul>
 */
record SourceTables(List<String[]> rows, int rejected, int duplicates, int unique) {

    static final String QUERY = "select eng as engagement_id, opp as opportunity_id from src order by id";

    private static final Pattern ENGAGEMENT = Pattern.compile("eng-[0-9a-z]{14}");

    static SourceTables of(int size) {
        List<String[]> rows = new ArrayList<>(size);
        for (int i = 1; i <= size; i++) {
            if (i == size && size > 1) {
                rows.add(rows.get(0));
            }
            else if (i % 11 == 4) {
                rows.add(new String[] { "eng-not-valid-" + i, "O" + i });
            }
            else if (i % 13 == 6) {
                rows.add(rows.get(i - 2));
            }
            else {
                rows.add(new String[] { "eng-%014d".formatted(i), "O" + i });
            }
        }
        int rejected = 0;
        int duplicates = 0;
        Set<String> seen = new HashSet<>();
        for (String[] row : rows) {
            if (!ENGAGEMENT.matcher(row[0]).matches()) {
                rejected++;
            }
            else if (!seen.add(row[0] + "|" + row[1])) {
                duplicates++;
            }
        }
        return new SourceTables(rows, rejected, duplicates, seen.size());
    }

    /** Creates {@code src} in the database (PostgreSQL or H2) and fills it, 1,000 rows a round trip. */
    void createIn(DatabaseTarget database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create table src (id int primary key, eng varchar(100), opp varchar(100))");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into src (id, eng, opp) values (?, ?, ?)")) {
                for (int i = 0; i < this.rows.size(); i++) {
                    insert.setInt(1, i + 1);
                    insert.setString(2, this.rows.get(i)[0]);
                    insert.setString(3, this.rows.get(i)[1]);
                    insert.addBatch();
                    if ((i + 1) % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

}

package io.switchboard.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Direct access to the test database, for what a test must see or set up below the API (stored history, faults). */
public final class Database {

    private Database() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("switchboard.test.db.url"), "postgres", "postgres");
    }

    static void execute(String sql) {
        try (Connection db = connect(); var statement = db.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of a query's one row, as a number ({@code select count(*) …}), with its parameters bound. */
    public static int count(String sql, Object... parameters) {
        try (Connection db = connect(); var statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs one statement with its parameters bound (a backdated row, a fault). */
    static void update(String sql, Object... parameters) {
        try (Connection db = connect(); var statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The causes of an interaction's stored history, in order. */
    static List<String> causes(String interactionId) {
        List<String> causes = new ArrayList<>();
        try (Connection db = connect();
             var query = db.prepareStatement("select cause from interaction_transition "
                     + "where interaction_id = cast(? as uuid) order by seq")) {
            query.setString(1, interactionId);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    causes.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return causes;
    }
}

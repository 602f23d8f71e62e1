package org.physiorun.reliability.scaleout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Plays the outbox relay of an instance that stalls in the middle of a batch (a long pause, a slow broker): from
 * {@link #take} until {@link #close} it holds what a relay holds while it publishes, the database's relay lock and
 * the unpublished events it selected, then lets go without marking anything, as a relay that died would. The other
 * instances' relays must not publish an athlete's later events while an earlier one is held here.
 */
public final class StalledRelay implements AutoCloseable {

    /** The relay lock of the outbox module ({@code OutboxRelay.RELAY_LOCK}). */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    /** Whether any of these athletes has decisions still to make (a query, so it may fail as one). */
    @FunctionalInterface
    public interface StillDeciding {
        boolean test(Set<String> athletes) throws SQLException;
    }

    private final Connection connection;
    private final int held;
    private final Set<String> athletes;

    private StalledRelay(Connection connection, int held, Set<String> athletes) {
        this.connection = connection;
        this.held = held;
        this.athletes = athletes;
    }

    /**
     * Takes the relay lock and the oldest unpublished events (a batch, as a relay selects it) once they hold events of
     * an athlete {@code stillDeciding} accepts; while it waits, the batch grows with the decisions made meanwhile.
     */
    public static StalledRelay take(ProgressFleet fleet, Duration timeout, StillDeciding stillDeciding)
            throws SQLException, InterruptedException {
        Connection connection = fleet.connect();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)");
             PreparedStatement batch = connection.prepareStatement("""
                     SELECT message_key FROM outbox_message WHERE published_at IS NULL ORDER BY seq LIMIT 500 FOR UPDATE""")) {
            lock.setLong(1, RELAY_LOCK);
            lock.execute();
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                int rows = 0;
                Set<String> athletes = new HashSet<>();
                try (ResultSet rs = batch.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        athletes.add(rs.getString(1));
                    }
                }
                if (rows > 0 && stillDeciding.test(athletes)) {
                    return new StalledRelay(connection, rows, athletes);
                }
                Thread.sleep(20);
            }
        } catch (SQLException | InterruptedException e) {
            connection.close();
            throw e;
        }
        connection.close();
        throw new IllegalStateException("no unpublished event of an athlete still deciding within " + timeout);
    }

    /** How many events the stalled batch holds. */
    public int held() {
        return held;
    }

    /** The athletes whose events the stalled batch holds. */
    public Set<String> athletes() {
        return athletes;
    }

    @Override
    public void close() throws SQLException {
        connection.rollback();
        connection.close();
    }
}

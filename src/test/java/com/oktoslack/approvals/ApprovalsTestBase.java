package com.oktoslack.approvals;

import com.oktoslack.people.People;
import com.oktoslack.slack.ChannelRoutes;
import com.oktoslack.testing.AppTestBase;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The app with {@link ApprovalWorld} seeded: Ann, Bob, Cat and Dan linked, Marketing's cards routed to
 * {@link ApprovalWorld#CHANNEL}. Fakes' records are cleared before each test; data stays.
 */
abstract class ApprovalsTestBase extends AppTestBase {

    @Inject
    People people;
    @Inject
    ChannelRoutes routes;
    @Inject
    DataSource dataSource;

    ApprovalWorld world;
    ApprovalClient client;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("oktopost.webhook-secrets", ApprovalClient.WEBHOOK_SECRET,
                "okto.approvals.oktopost-url", "https://app.oktopost.example/approvals/{entityId}",
                "okto.approvals.reconcile-delay", "1h",
                // No periodic publishing round after the first: every change must start its own posting at once.
                "okto.approvals.publish-every", "1h");
    }

    @BeforeAll
    void seed() throws Exception {
        world = new ApprovalWorld(oktopost, slack);
        for (String user : new String[]{ApprovalWorld.ANN, ApprovalWorld.BOB, ApprovalWorld.CAT, ApprovalWorld.DAN}) {
            people.link(user);
        }
        routes.set(ChannelRoutes.workflowKey(world.workflowId), ApprovalWorld.CHANNEL, "Workflow Marketing", "U0ADMIN");
        client = new ApprovalClient(server.getURI(), slackRequests(), slack);
    }

    @BeforeEach
    void clearRecords() {
        awaitQuiet();
        slack.reset();
        oktopost.reset();
    }

    /** Until the webhook inbox is drained, no card is due or being posted, and every posted card shows its item as it is. */
    void awaitQuiet() {
        Cards.until("webhooks handled and cards posted and up to date",
                () -> count("SELECT COUNT(*) FROM webhook_inbox WHERE status = 'pending'") == 0
                        && count("SELECT COUNT(*) FROM approval_card WHERE status IN ('due', 'posting')") == 0
                        && count("SELECT COUNT(*) FROM approval_card c JOIN approval_item i ON i.entity_id = c.entity_id "
                        + "AND i.round = c.round WHERE c.status = 'posted' AND c.rendered_version < i.version") == 0);
    }

    long count(String sql) {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

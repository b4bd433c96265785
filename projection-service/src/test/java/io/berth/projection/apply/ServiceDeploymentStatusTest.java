package io.berth.projection.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.command.CreateService;
import io.berth.core.command.UpdateService;
import io.berth.core.event.EventEnvelope;
import io.berth.core.json.Json;
import io.berth.infra.local.EmbeddedPostgresServer;
import io.berth.projection.support.JdbcStatements;
import io.berth.projection.support.Rollouts;
import io.berth.projection.support.Scenario;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a service's deployments[] over time becomes the ECS ServiceDeployment status of each
 * deployment (ecs-semantics §3.5, §5.2, §5.3): histories decided by core's deciders and planner,
 * folded and written one event at a time into real PostgreSQL, where the status is generated.
 * Each row lists the deployments newest first as {@code status | rolloutStateReason | open or finished}.
 */
class ServiceDeploymentStatusTest {

    private static final String C = "c";
    private static final String SVC = "svc";

    @TempDir
    static Path dataDir;

    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresServer.start(dataDir);
        postgres.createDatabase("deployments");
        Flyway.configure().dataSource(postgres.jdbcUrl("deployments"), EmbeddedPostgresServer.USER, "").load()
                .migrate();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    static Stream<Arguments> histories() {
        return Stream.of(
                row("a first deployment in progress is IN_PROGRESS", false, s -> s,
                        "IN_PROGRESS | ECS deployment ecs-svc/4000000000000000001 in progress. | open"),
                row("a deployment that runs its count alone is SUCCESSFUL", false,
                        s -> Rollouts.complete(s, C, SVC),
                        "SUCCESSFUL | ECS deployment ecs-svc/4000000000000000001 completed. | finished"),
                row("an update that completes leaves both SUCCESSFUL", false,
                        s -> Rollouts.complete(update(Rollouts.complete(s, C, SVC), 2), C, SVC),
                        "SUCCESSFUL | ECS deployment ecs-svc/4000000000000000002 completed. | finished",
                        "SUCCESSFUL | ECS deployment ecs-svc/4000000000000000001 completed. | finished"),
                row("a deployment replaced while in progress is STOPPED", false,
                        s -> update(update(Rollouts.complete(s, C, SVC), 2), 3),
                        "IN_PROGRESS | ECS deployment ecs-svc/4000000000000000003 in progress. | open",
                        "STOPPED | ECS deployment ecs-svc/4000000000000000002 in progress. | finished",
                        "SUCCESSFUL | ECS deployment ecs-svc/4000000000000000001 completed. | finished"),
                row("the breaker without rollback STOPs the deployment, which stays PRIMARY", false,
                        s -> Rollouts.failToStart(update(Rollouts.complete(s, C, SVC), 2), C, SVC),
                        "STOPPED | ECS deployment circuit breaker: tasks failed to start. | finished",
                        "SUCCESSFUL | ECS deployment ecs-svc/4000000000000000001 completed. | finished"),
                row("the breaker with rollback is ROLLBACK_IN_PROGRESS while the target runs again", true,
                        s -> Rollouts.failToStart(update(Rollouts.complete(s, C, SVC), 2), C, SVC),
                        "ROLLBACK_IN_PROGRESS | ECS deployment circuit breaker: tasks failed to start. | open",
                        "IN_PROGRESS | ECS deployment circuit breaker: rolling back to deploymentId"
                                + " ecs-svc/4000000000000000001. | open"),
                row("the rollback is ROLLBACK_SUCCESSFUL once its target completes", true,
                        s -> Rollouts.complete(Rollouts.failToStart(update(Rollouts.complete(s, C, SVC), 2), C, SVC),
                                C, SVC),
                        "ROLLBACK_SUCCESSFUL | ECS deployment circuit breaker: tasks failed to start. | finished",
                        "SUCCESSFUL | ECS deployment ecs-svc/4000000000000000001 completed. | finished"),
                row("a rollback whose target is replaced is ROLLBACK_FAILED", true,
                        s -> update(Rollouts.failToStart(update(Rollouts.complete(s, C, SVC), 2), C, SVC), 3),
                        "IN_PROGRESS | ECS deployment ecs-svc/4000000000000000003 in progress. | open",
                        "ROLLBACK_FAILED | ECS deployment circuit breaker: tasks failed to start. | finished",
                        "STOPPED | ECS deployment circuit breaker: rolling back to deploymentId"
                                + " ecs-svc/4000000000000000001. | finished"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void statusFollowsTheHistory(UnaryOperator<Scenario> history, boolean rollback, List<String> expected)
            throws SQLException {
        Scenario s = new Scenario("123456789012")
                .createCluster(C)
                .registerInstance(C, 4096, 8192, "eu-west-1a", "")
                .registerTaskDefinition("web").registerTaskDefinition("web").registerTaskDefinition("web")
                .request(CreateService.class, "{'cluster':'" + C + "','serviceName':'" + SVC
                        + "','taskDefinition':'web:1','desiredCount':2,'deploymentConfiguration':"
                        + "{'deploymentCircuitBreaker':{'enable':true,'rollback':" + rollback
                        + ",'thresholdConfiguration':{'type':'COUNT','value':2}}}}");
        List<EventEnvelope> events = history.apply(s).drain();

        assertThat(statusesAfterApplying(events, s.serviceArn(C, SVC))).containsExactlyElementsOf(expected);
    }

    private static Scenario update(Scenario s, int revision) {
        return s.request(UpdateService.class, "{'cluster':'" + C + "','service':'" + SVC + "','taskDefinition':'web:"
                + revision + "'}");
    }

    /** Each event as its own batch, into emptied tables: the rows of the history, newest deployment first. */
    private static List<String> statusesAfterApplying(List<EventEnvelope> events, String serviceArn)
            throws SQLException {
        try (Connection c = postgres.connect("deployments")) {
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE clusters, task_definitions, services, service_events, tags, container_instances,"
                        + " tasks, service_deployments, audit, projection_offsets");
            }
            c.setAutoCommit(false);
            Map<Integer, Long> applied = new TreeMap<>();
            long offset = 0;
            for (EventEnvelope event : events) {
                ViewChanges changes = ViewChanges.fold("berth.events",
                        List.of(new LogRecord(0, offset++, 0L, Json.toBytes(event))), applied);
                for (SqlStatement statement : changes.statements()) {
                    JdbcStatements.execute(c, statement);
                }
                c.commit();
                applied.putAll(changes.nextOffsets());
            }
            List<String> rows = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT status, rollout_state_reason, finished_at"
                    + " FROM service_deployments WHERE service_arn = ?"
                    + " ORDER BY created_at DESC, service_deployment_arn DESC")) {
                ps.setString(1, serviceArn);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1) + " | " + rs.getString(2) + " | "
                                + (rs.getTimestamp(3) == null ? "open" : "finished"));
                    }
                }
            }
            return rows;
        }
    }

    private static Arguments row(String name, boolean rollback, UnaryOperator<Scenario> history, String... expected) {
        return Arguments.of(Named.of(name, history), rollback, List.of(expected));
    }
}

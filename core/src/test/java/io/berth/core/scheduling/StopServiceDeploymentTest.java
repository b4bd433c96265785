package io.berth.core.scheduling;

import static io.berth.core.fixture.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.berth.core.command.CreateService;
import io.berth.core.command.StopServiceDeployment;
import io.berth.core.command.UpdateService;
import io.berth.core.decide.Decision;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.fixture.BoundaryFixture;
import io.berth.core.fixture.SchedulingHarness;
import io.berth.core.fixture.SchedulingHarness.Behaviour;
import io.berth.core.model.Deployment;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** StopServiceDeployment (ROLLBACK) on a simulated clock, and its refusals. */
class StopServiceDeploymentTest {

    private static final String PREFIX = "arn:aws:ecs:eu-west-1:123456789012:service-deployment/prod/api/";

    private final SchedulingHarness cluster = new SchedulingHarness()
            .define("web", 1, 64, true, Behaviour.HEALTHY)
            .define("web", 2, 64, false, Behaviour.HEALTHY);
    private String completed;

    @BeforeEach
    void aSettledService() {
        cluster.addInstance("eu-west-1a", 4096, 4096);
        cluster.given(request(CreateService.class, "{'cluster':'prod','serviceName':'api','taskDefinition':'web:1',"
                + "'desiredCount':2}"));
        cluster.runUntil(c -> "COMPLETED".equals(c.service("api").deployments().get(0).rolloutState()),
                Duration.ofMinutes(1));
        completed = cluster.service("api").deployments().get(0).id();
    }

    private static StopServiceDeployment stop(String id, String type) {
        return new StopServiceDeployment(PREFIX + id.substring("ecs-svc/".length()), type);
    }

    @Test
    void rollingBackReturnsToTheCompletedDeploymentAndReplacesTheNewTasks() {
        cluster.given(request(UpdateService.class, "{'cluster':'prod','service':'api','taskDefinition':'web:2'}"));
        String inProgress = cluster.service("api").deployments().get(0).id();
        cluster.run(Duration.ofSeconds(5));

        Decision decision = cluster.when(stop(inProgress, null));

        assertThat(decision.error()).isNull();
        assertThat(decision.response().path("serviceDeploymentArn").asText()).endsWith(inProgress.substring(8));
        assertThat(cluster.service("api").deployments()).extracting(Deployment::id, Deployment::status,
                Deployment::rolloutState).containsExactly(
                        tuple(completed, "PRIMARY", "IN_PROGRESS"),
                        tuple(inProgress, "ACTIVE", "FAILED"));
        cluster.runUntil(c -> c.service("api").deployments().size() == 1
                && "COMPLETED".equals(c.service("api").deployments().get(0).rolloutState()), Duration.ofMinutes(2));
        assertThat(cluster.live("api")).hasSize(2).allSatisfy(t -> assertThat(t.taskDefinitionArn()).endsWith("web:1"));
        assertThat(cluster.messages()).contains("(service api) (deployment " + inProgress
                + ") deployment failed, rolling back to deployment " + completed + ".");
    }

    @Test
    void onlyRollbackIsAStopType() {
        cluster.given(request(UpdateService.class, "{'cluster':'prod','service':'api','taskDefinition':'web:2'}"));
        String inProgress = cluster.service("api").deployments().get(0).id();

        Decision decision = cluster.when(stop(inProgress, "ABORT"));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
    }

    @Test
    void aCompletedDeploymentCannotBeStopped() {
        Decision decision = cluster.when(stop(completed, "ROLLBACK"));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.CONFLICT_EXCEPTION);
        assertThat(decision.error().message()).endsWith("is not in progress, so it cannot be stopped.");
    }

    @Test
    void anUnknownDeploymentIsNotFound() {
        Decision decision = cluster.when(stop("ecs-svc/42", "ROLLBACK"));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.SERVICE_DEPLOYMENT_NOT_FOUND_EXCEPTION);
    }

    @Test
    void aMalformedArnIsAnInvalidParameterBeforeAnyBoundaryIsAsked() {
        StopServiceDeployment malformed = new StopServiceDeployment(
                "arn:aws:ecs:eu-west-1:123456789012:service-deployment/prod/api", null);

        assertThatThrownBy(() -> malformed.boundary(BoundaryFixture.SCOPE)).isInstanceOfSatisfying(EcsException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION));
    }
}

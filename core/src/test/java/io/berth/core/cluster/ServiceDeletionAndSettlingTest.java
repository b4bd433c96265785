package io.berth.core.cluster;

import static io.berth.core.fixture.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.core.command.CreateCluster;
import io.berth.core.command.CreateService;
import io.berth.core.command.DeleteService;
import io.berth.core.command.UpdateService;
import io.berth.core.decide.Decision;
import io.berth.core.error.ErrorCode;
import io.berth.core.event.Event;
import io.berth.core.event.ServiceDeleted;
import io.berth.core.event.ServiceDrained;
import io.berth.core.event.ServiceEventRecorded;
import io.berth.core.event.ServiceUpdated;
import io.berth.core.fixture.BoundaryFixture;
import io.berth.core.fixture.TaskDefinitions;
import io.berth.core.model.Deployment;
import io.berth.core.model.Service;
import io.berth.core.model.ServiceEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DeleteService (ACTIVE -> DRAINING) and the service plans that settle a service against the
 * tasks it owns: DRAINING -> INACTIVE, dropping drained deployments and completing a deployment
 * that reached its desired count (ecs-semantics §3.3, §4.4, §5.2, §5.5).
 */
class ServiceDeletionAndSettlingTest {

    private static final String API_ARN = "arn:aws:ecs:eu-west-1:123456789012:service/prod/api";
    private static final String FIRST = "ecs-svc/1000000000000000001";
    private static final String SECOND = "ecs-svc/1000000000000000002";

    private final BoundaryFixture prod = BoundaryFixture.cluster("prod")
            .withTaskDefinitions(new TaskDefinitions()
                    .add("web", 1, "ACTIVE", "bridge")
                    .add("web", 2, "ACTIVE", "bridge"))
            .given(request(CreateCluster.class, "{'clusterName':'prod'}"));

    private static CreateService api(int desiredCount) {
        return request(CreateService.class, "{'cluster':'prod','serviceName':'api','taskDefinition':'web:1',"
                + "'desiredCount':" + desiredCount + "}");
    }

    private static DeleteService delete(String members) {
        return request(DeleteService.class, "{'cluster':'prod','service':'api'" + members + "}");
    }

    @Test
    void aServiceScaledAboveZeroIsNotDeletedWithoutForce() {
        prod.given(api(2));
        int events = prod.history().size();

        Decision decision = prod.when(delete(""));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
        assertThat(decision.error().message()).isEqualTo("The service cannot be stopped while it is scaled above 0.");
        assertThat(prod.history()).hasSize(events);
        assertThat(prod.service("api").status()).isEqualTo("ACTIVE");
    }

    @Test
    void forceDrainsAServiceScaledAboveZero() {
        prod.given(api(2));

        Decision decision = prod.when(delete(",'force':true"));

        assertThat(decision.events()).singleElement().isInstanceOf(ServiceDeleted.class);
        Service draining = ((ServiceDeleted) decision.events().get(0)).service();
        assertThat(draining.status()).isEqualTo("DRAINING");
        assertThat(draining.desiredCount()).isZero();
        assertThat(draining.deployments()).extracting(Deployment::desiredCount).containsOnly(0);
        assertThat(decision.response().at("/service/status").asText()).isEqualTo("DRAINING");
    }

    @Test
    void aServiceScaledToZeroIsDeletedWithoutForce() {
        prod.given(api(0));

        Decision decision = prod.when(delete(""));

        assertThat(decision.events()).singleElement().isInstanceOf(ServiceDeleted.class);
        assertThat(prod.service("api").status()).isEqualTo("DRAINING");
    }

    @Test
    void aDrainingServiceWithNoTasksTurnsInactive() {
        prod.given(api(2), delete(",'force':true"));

        Decision decision = prod.when(prod.plan("api"));

        assertThat(decision.events()).singleElement().isInstanceOf(ServiceDrained.class);
        assertThat(((ServiceDrained) decision.events().get(0)).service().status()).isEqualTo("INACTIVE");
        assertThat(prod.service("api").status()).isEqualTo("INACTIVE");
    }

    @Test
    void planningASettledServiceAgainAppendsNothing() {
        prod.given(api(2), delete(",'force':true"));
        prod.given(prod.plan("api"));
        int events = prod.history().size();

        Decision decision = prod.when(prod.plan("api"));

        assertThat(decision.error()).isNull();
        assertThat(decision.events()).isEmpty();
        assertThat(prod.history()).hasSize(events);
    }

    @Test
    void thePlanOfAnUnknownServiceIsEmptyAndCannotBeApplied() {
        var plan = prod.plan("ghost");
        assertThat(plan.plan().isEmpty()).isTrue();

        Decision decision = prod.when(plan);

        assertThat(decision.error().code()).isEqualTo(ErrorCode.SERVICE_NOT_FOUND_EXCEPTION);
        assertThat(decision.events()).isEmpty();
    }

    @Test
    void aPlanMadeBeforeTheServiceChangedIsRefusedAndChangesNothing() {
        prod.given(api(0));
        var stale = prod.plan("api");
        prod.given(request(UpdateService.class, "{'cluster':'prod','service':'api','taskDefinition':'web:2'}"));
        int events = prod.history().size();

        Decision decision = prod.when(stale);

        assertThat(decision.error().code()).isEqualTo(ErrorCode.CONFLICT_EXCEPTION);
        assertThat(decision.error().message()).startsWith("The service changed since the plan was made");
        assertThat(prod.history()).hasSize(events);
    }

    @Test
    void aServiceAtZeroCompletesItsDeploymentWithEcsServiceEvents() {
        prod.given(api(0));

        Decision decision = prod.when(prod.plan("api"));

        List<Event> events = decision.events();
        assertThat(events).hasSize(3);
        Deployment completed = ((ServiceUpdated) events.get(0)).service().deployments().get(0);
        assertThat(((ServiceUpdated) events.get(0)).service().deployments()).hasSize(1);
        assertThat(completed.id()).isEqualTo(FIRST);
        assertThat(completed.status()).isEqualTo("PRIMARY");
        assertThat(completed.rolloutState()).isEqualTo("COMPLETED");
        assertThat(completed.rolloutStateReason()).isEqualTo("ECS deployment " + FIRST + " completed.");
        assertThat(events.subList(1, 3)).allSatisfy(e -> {
            assertThat(e).isInstanceOf(ServiceEventRecorded.class);
            assertThat(e.resourceArn()).isEqualTo(API_ARN);
        });
        assertThat(prod.service("api").deployments()).containsExactly(completed);
    }

    @Test
    void theSteadyStateMessageIsTheNewestOfTheTwo() {
        prod.given(api(0));

        Decision decision = prod.when(prod.plan("api"));

        // events[] shows the newest first (§3.3, §5.5): it is the log read backwards.
        List<ServiceEvent> newestFirst = new ArrayList<>();
        for (Event e : decision.events()) {
            if (e instanceof ServiceEventRecorded recorded) {
                newestFirst.add(0, recorded.event());
            }
        }
        assertThat(newestFirst).extracting(ServiceEvent::message).containsExactly(
                "(service api) has reached a steady state.",
                "(service api) (deployment " + FIRST + ") deployment completed.");
        assertThat(newestFirst.get(0).createdAt()).isAfterOrEqualTo(newestFirst.get(1).createdAt());
        assertThat(newestFirst).extracting(ServiceEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void aCompletedDeploymentIsNotCompletedAgain() {
        prod.given(api(0));
        prod.given(prod.plan("api"));
        int events = prod.history().size();

        Decision decision = prod.when(prod.plan("api"));

        assertThat(decision.events()).isEmpty();
        assertThat(prod.history()).hasSize(events);
    }

    @Test
    void aDeploymentShortOfItsDesiredCountStaysInProgressAndSaysWhy() {
        prod.given(api(2));

        Decision decision = prod.when(prod.plan("api"));

        assertThat(decision.events()).singleElement().isInstanceOfSatisfying(ServiceEventRecorded.class,
                e -> assertThat(e.event().message()).isEqualTo("(service api) was unable to place a task because no "
                        + "container instance met all of its requirements. Reason: No Container Instances were found "
                        + "in your cluster."));
        assertThat(prod.service("api").deployments().get(0).rolloutState()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void theOlderDeploymentThatOwnsNoTasksIsDropped() {
        prod.given(api(2), request(UpdateService.class, "{'cluster':'prod','service':'api','taskDefinition':'web:2'}"));
        assertThat(prod.service("api").deployments()).extracting(Deployment::id).containsExactly(SECOND, FIRST);

        Decision decision = prod.when(prod.plan("api"));

        assertThat(decision.events().get(0)).isInstanceOf(ServiceUpdated.class);
        assertThat(prod.service("api").deployments()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(SECOND);
            assertThat(d.status()).isEqualTo("PRIMARY");
            assertThat(d.rolloutState()).as("no task runs yet").isEqualTo("IN_PROGRESS");
        });
    }
}

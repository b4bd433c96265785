package io.berth.core.cluster;

import static io.berth.core.fixture.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.berth.core.command.CreateCluster;
import io.berth.core.command.CreateService;
import io.berth.core.command.DeleteService;
import io.berth.core.command.UpdateService;
import io.berth.core.decide.Decision;
import io.berth.core.error.ErrorCode;
import io.berth.core.event.ServiceUpdated;
import io.berth.core.fixture.BoundaryFixture;
import io.berth.core.fixture.TaskDefinitions;
import io.berth.core.json.Json;
import io.berth.core.model.Deployment;
import io.berth.core.model.DeploymentCircuitBreaker;
import io.berth.core.model.DeploymentConfiguration;
import io.berth.core.model.Service;
import java.time.Duration;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** UpdateService: which changes start a deployment, which change nothing, and what is refused (§2, §4.4). */
class ServiceUpdateTest {

    private static final String PREFIX = "arn:aws:ecs:eu-west-1:123456789012:";
    private static final String WEB_1 = PREFIX + "task-definition/web:1";
    private static final String WEB_2 = PREFIX + "task-definition/web:2";
    private static final String FIRST = "ecs-svc/1000000000000000001";
    private static final String SECOND = "ecs-svc/1000000000000000002";
    private static final String THIRD = "ecs-svc/1000000000000000003";

    private final BoundaryFixture prod = BoundaryFixture.cluster("prod")
            .withTaskDefinitions(new TaskDefinitions()
                    .add("web", 1, "ACTIVE", "bridge")
                    .add("web", 2, "ACTIVE", "bridge")
                    .add("web", 3, "INACTIVE", "bridge")
                    .add("vpc", 1, "ACTIVE", "awsvpc")
                    .addConstrained("pinned", 1, 2))
            .given(request(CreateCluster.class, "{'clusterName':'prod'}"),
                    request(CreateService.class,
                            "{'cluster':'prod','serviceName':'api','taskDefinition':'web:1','desiredCount':2}"));

    private static UpdateService update(String members) {
        return request(UpdateService.class, "{'cluster':'prod'," + members + "}");
    }

    private ServiceUpdated updated(Decision decision) {
        assertThat(decision.error()).isNull();
        assertThat(decision.events()).singleElement().isInstanceOf(ServiceUpdated.class);
        return (ServiceUpdated) decision.events().get(0);
    }

    @Test
    void aDesiredCountOnlyUpdateStartsNoDeploymentButResizesThePrimary() {
        ServiceUpdated event = updated(prod.when(update("'service':'api','desiredCount':5")));

        assertThat(event.newDeploymentId()).isNull();
        assertThat(event.service().desiredCount()).isEqualTo(5);
        assertThat(event.service().deployments()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(FIRST);
            assertThat(d.status()).isEqualTo("PRIMARY");
            assertThat(d.desiredCount()).isEqualTo(5);
        });
    }

    @Test
    void movingToACapacityProviderStrategyDropsTheLaunchType() {
        ServiceUpdated event = updated(prod.when(update(
                "'service':'api','capacityProviderStrategy':[{'capacityProvider':'FARGATE','weight':1}]")));

        assertThat(event.service().launchType()).isNull();
        assertThat(event.service().capacityProviderStrategy()).hasSize(1);
        assertThat(event.service().deployments().get(0)).satisfies(d -> {
            assertThat(d.launchType()).isNull();
            assertThat(d.capacityProviderStrategy()).hasSize(1);
        });
    }

    @Test
    void aNewRevisionStartsANewPrimaryAndTheOldOneTurnsActive() {
        prod.advance(Duration.ofMinutes(5));

        ServiceUpdated event = updated(prod.when(update("'service':'api','taskDefinition':'web'")));

        assertThat(event.newDeploymentId()).isEqualTo(SECOND);
        Service service = event.service();
        assertThat(service.taskDefinition()).as("a family means its latest ACTIVE revision").isEqualTo(WEB_2);
        assertThat(service.deployments()).extracting(Deployment::id).containsExactly(SECOND, FIRST);
        Deployment primary = service.deployments().get(0);
        assertThat(primary.status()).isEqualTo("PRIMARY");
        assertThat(primary.taskDefinition()).isEqualTo(WEB_2);
        assertThat(primary.desiredCount()).isEqualTo(2);
        assertThat(primary.rolloutState()).isEqualTo("IN_PROGRESS");
        assertThat(primary.rolloutStateReason()).isEqualTo("ECS deployment " + SECOND + " in progress.");
        assertThat(primary.createdAt()).isEqualTo(prod.now());
        Deployment old = service.deployments().get(1);
        assertThat(old.status()).isEqualTo("ACTIVE");
        assertThat(old.taskDefinition()).isEqualTo(WEB_1);
        assertThat(old.updatedAt()).isEqualTo(prod.now());
    }

    @Test
    void forceNewDeploymentWithTheSameDefinitionStartsOne() {
        ServiceUpdated event = updated(prod.when(update("'service':'api','forceNewDeployment':true")));

        assertThat(event.newDeploymentId()).isEqualTo(SECOND);
        assertThat(event.service().deployments()).extracting(Deployment::id, Deployment::status,
                Deployment::taskDefinition).containsExactly(
                        tuple(SECOND, "PRIMARY", WEB_1),
                        tuple(FIRST, "ACTIVE", WEB_1));
    }

    @Test
    void aMidFlightUpdateListsEveryDeploymentWithOnePrimaryFirst() {
        prod.given(update("'service':'api','taskDefinition':'web:2'"));

        ServiceUpdated event = updated(prod.when(update("'service':'api','forceNewDeployment':true")));

        assertThat(event.service().deployments()).extracting(Deployment::id).containsExactly(THIRD, SECOND, FIRST);
        assertThat(event.service().deployments()).extracting(Deployment::status)
                .containsExactly("PRIMARY", "ACTIVE", "ACTIVE");
        assertThat(event.service().deployments().get(0).taskDefinition()).isEqualTo(WEB_2);
    }

    static Stream<Arguments> updatesThatChangeNothing() {
        return Stream.of(
                row("only the service reference", "'service':'api'"),
                row("the current desiredCount", "'service':'api','desiredCount':2"),
                row("the current revision as family:revision", "'service':'api','taskDefinition':'web:1'"),
                row("the current revision as an ARN", "'service':'api','taskDefinition':'" + WEB_1 + "'"),
                row("forceNewDeployment false", "'service':'api','forceNewDeployment':false"),
                row("the default deployment configuration", "'service':'api','deploymentConfiguration':"
                        + "{'minimumHealthyPercent':100,'maximumPercent':200}"),
                row("no placement constraints", "'service':'api','placementConstraints':[]"),
                row("the current propagateTags", "'service':'api','propagateTags':'NONE'"));
    }

    @ParameterizedTest(name = "an update with {0} appends nothing")
    @MethodSource("updatesThatChangeNothing")
    void anUpdateThatChangesNothingAppendsNothing(String members) {
        Service before = prod.service("api");
        int events = prod.history().size();

        Decision decision = prod.when(update(members));

        assertThat(decision.error()).isNull();
        assertThat(decision.events()).isEmpty();
        assertThat(prod.history()).hasSize(events);
        assertThat(decision.response().get("service")).isEqualTo(Json.toTree(before));
    }

    @Test
    void anUnknownServiceIsNotFound() {
        Decision decision = prod.when(update("'service':'ghost','desiredCount':1"));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.SERVICE_NOT_FOUND_EXCEPTION);
    }

    @Test
    void aDrainingServiceIsNotActive() {
        prod.given(request(DeleteService.class, "{'cluster':'prod','service':'api','force':true}"));
        int events = prod.history().size();

        Decision decision = prod.when(update("'service':'api','desiredCount':1"));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.SERVICE_NOT_ACTIVE_EXCEPTION);
        assertThat(decision.error().message()).isEqualTo("Service was not ACTIVE.");
        assertThat(prod.history()).hasSize(events);
    }

    static Stream<Arguments> serviceReferences() {
        return Stream.of(
                row("its name", "api"),
                row("its long ARN", PREFIX + "service/prod/api"),
                row("its old short ARN", PREFIX + "service/api"));
    }

    @ParameterizedTest(name = "a service is found by {0}")
    @MethodSource("serviceReferences")
    void aServiceIsFoundByEveryReferenceForm(String reference) {
        ServiceUpdated event = updated(prod.when(update("'service':'" + reference + "','desiredCount':3")));

        assertThat(event.service().serviceName()).isEqualTo("api");
        assertThat(event.service().desiredCount()).isEqualTo(3);
    }

    static Stream<Arguments> foreignReferences() {
        return Stream.of(
                Arguments.of(Named.of("the long ARN of another cluster", PREFIX + "service/staging/api"),
                        ErrorCode.INVALID_PARAMETER_EXCEPTION),
                Arguments.of(Named.of("the long ARN of another account",
                        "arn:aws:ecs:eu-west-1:999999999999:service/prod/api"), ErrorCode.SERVICE_NOT_FOUND_EXCEPTION),
                Arguments.of(Named.of("the ARN of a cluster", PREFIX + "cluster/prod"),
                        ErrorCode.INVALID_PARAMETER_EXCEPTION));
    }

    @ParameterizedTest(name = "{0} is a {1}")
    @MethodSource("foreignReferences")
    void aForeignReferenceIsRefused(String reference, ErrorCode code) {
        Decision decision = prod.when(update("'service':'" + reference + "','desiredCount':3"));

        assertThat(decision.error().code()).isEqualTo(code);
        assertThat(prod.service("api").desiredCount()).isEqualTo(2);
    }

    @Test
    void aPartialDeploymentConfigurationKeepsTheFieldsItDoesNotName() {
        BoundaryFixture fixture = BoundaryFixture.cluster("prod")
                .withTaskDefinitions(new TaskDefinitions().add("web", 1, "ACTIVE", "bridge"))
                .given(request(CreateCluster.class, "{'clusterName':'prod'}"),
                        request(CreateService.class, "{'cluster':'prod','serviceName':'api','taskDefinition':'web',"
                                + "'desiredCount':4,'deploymentConfiguration':{'minimumHealthyPercent':50,"
                                + "'maximumPercent':150,'deploymentCircuitBreaker':{'enable':true,'rollback':true}}}"));

        ServiceUpdated event = updated(fixture.when(update(
                "'service':'api','deploymentConfiguration':{'maximumPercent':300}")));

        DeploymentConfiguration configuration = event.service().deploymentConfiguration();
        assertThat(configuration.maximumPercent()).isEqualTo(300);
        assertThat(configuration.minimumHealthyPercent()).isEqualTo(50);
        assertThat(configuration.deploymentCircuitBreaker())
                .isEqualTo(new DeploymentCircuitBreaker(true, true, null, null));
        assertThat(event.newDeploymentId()).as("a configuration change starts no deployment").isNull();
    }

    static Stream<Arguments> rejectedUpdates() {
        return Stream.of(
                Arguments.of(Named.of("an INACTIVE revision", "'taskDefinition':'web:3'"), ErrorCode.CLIENT_EXCEPTION),
                Arguments.of(Named.of("an unknown family", "'taskDefinition':'nope'"), ErrorCode.CLIENT_EXCEPTION),
                invalid("a negative desiredCount", "'desiredCount':-1"),
                invalid("maximumPercent 99", "'deploymentConfiguration':{'maximumPercent':99}"),
                invalid("minimumHealthyPercent 101", "'deploymentConfiguration':{'minimumHealthyPercent':101}"),
                invalid("an awsvpc revision without a network configuration", "'taskDefinition':'vpc'"),
                invalid("a network configuration on bridge",
                        "'networkConfiguration':{'awsvpcConfiguration':{'subnets':['subnet-1']}}"),
                invalid("11 placement constraints", constraints(11)),
                invalid("a revision with 2 constraints and 9 of the service's",
                        "'taskDefinition':'pinned'," + constraints(9)),
                invalid("6 placement strategies", "'placementStrategy':["
                        + String.join(",", Collections.nCopies(6, "{'type':'random'}")) + "]"),
                invalid("another deployment controller", "'deploymentController':{'type':'EXTERNAL'}"));
    }

    @ParameterizedTest(name = "an update with {0} is a {1}")
    @MethodSource("rejectedUpdates")
    void aRejectedUpdateAppendsNothing(String members, ErrorCode code) {
        Service before = prod.service("api");
        int events = prod.history().size();

        Decision decision = prod.when(update("'service':'api'," + members));

        assertThat(decision.error()).isNotNull();
        assertThat(decision.error().code()).isEqualTo(code);
        assertThat(prod.history()).hasSize(events);
        assertThat(prod.service("api")).isEqualTo(before);
    }

    @Test
    void aRevisionWhoseConstraintsPushTheServiceOverTenIsRefused() {
        prod.given(update("'service':'api'," + constraints(9)));

        Decision decision = prod.when(update("'service':'api','taskDefinition':'pinned'"));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
    }

    @Test
    void aRevisionWithConstraintsFitsBesideTheServiceUpToTen() {
        ServiceUpdated event = updated(prod.when(update("'service':'api','taskDefinition':'pinned',"
                + constraints(8))));

        assertThat(event.service().placementConstraints()).hasSize(8);
        assertThat(event.newDeploymentId()).isEqualTo(SECOND);
    }

    /** A CODE_DEPLOY service "blue" and an EXTERNAL service "ext" beside the ECS service "api". */
    private void givenServicesOfOtherControllers() {
        prod.given(request(CreateService.class, "{'cluster':'prod','serviceName':'blue','taskDefinition':'web:1',"
                        + "'desiredCount':2,'deploymentController':{'type':'CODE_DEPLOY'}}"),
                request(CreateService.class, "{'cluster':'prod','serviceName':'ext','desiredCount':2,"
                        + "'deploymentController':{'type':'EXTERNAL'}}"));
    }

    static Stream<Arguments> allowedOutsideEcs() {
        return Stream.of(
                controllerCase("CODE_DEPLOY may change desiredCount", "blue", "'desiredCount':3"),
                controllerCase("CODE_DEPLOY may change the deployment configuration", "blue",
                        "'deploymentConfiguration':{'maximumPercent':150}"),
                controllerCase("CODE_DEPLOY may change the grace period", "blue", "'healthCheckGracePeriodSeconds':30"),
                controllerCase("CODE_DEPLOY may change placement constraints", "blue",
                        "'placementConstraints':[{'type':'distinctInstance'}]"),
                controllerCase("CODE_DEPLOY may change placement strategy", "blue",
                        "'placementStrategy':[{'type':'random'}]"),
                controllerCase("CODE_DEPLOY may change propagateTags", "blue", "'propagateTags':'SERVICE'"),
                controllerCase("CODE_DEPLOY may change enableECSManagedTags", "blue", "'enableECSManagedTags':true"),
                controllerCase("EXTERNAL may change desiredCount", "ext", "'desiredCount':3"),
                controllerCase("EXTERNAL may change the grace period", "ext", "'healthCheckGracePeriodSeconds':30"),
                controllerCase("EXTERNAL may change placement strategy", "ext",
                        "'placementStrategy':[{'type':'random'}]"),
                controllerCase("EXTERNAL may change propagateTags", "ext", "'propagateTags':'SERVICE'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedOutsideEcs")
    void whatOtherControllersMayUpdateIsRecordedWithoutADeployment(String service, String members) {
        givenServicesOfOtherControllers();
        int deployments = prod.service(service).deployments().size();

        ServiceUpdated event = updated(prod.when(update("'service':'" + service + "'," + members)));

        assertThat(event.newDeploymentId()).isNull();
        assertThat(event.service().deployments()).hasSize(deployments);
    }

    static Stream<Arguments> refusedOutsideEcs() {
        return Stream.of(
                controllerCase("CODE_DEPLOY may not change the task definition", "blue", "'taskDefinition':'web:2'"),
                controllerCase("CODE_DEPLOY may not force a new deployment", "blue", "'forceNewDeployment':true"),
                controllerCase("CODE_DEPLOY may not change the network configuration", "blue",
                        "'networkConfiguration':{'awsvpcConfiguration':{'subnets':['subnet-1']}}"),
                controllerCase("CODE_DEPLOY may not change the platform version", "blue", "'platformVersion':'1.4.0'"),
                controllerCase("CODE_DEPLOY may not change load balancers", "blue", "'loadBalancers':[]"),
                controllerCase("CODE_DEPLOY may not change enableExecuteCommand", "blue",
                        "'enableExecuteCommand':true"),
                controllerCase("CODE_DEPLOY may not change VPC Lattice configurations", "blue",
                        "'vpcLatticeConfigurations':[]"),
                controllerCase("EXTERNAL may not change the deployment configuration", "ext",
                        "'deploymentConfiguration':{'maximumPercent':150}"),
                controllerCase("EXTERNAL may not change the task definition", "ext", "'taskDefinition':'web:2'"),
                controllerCase("EXTERNAL may not change the capacity provider strategy", "ext",
                        "'capacityProviderStrategy':[{'capacityProvider':'FARGATE','weight':1}]"),
                controllerCase("EXTERNAL may not change VPC Lattice configurations", "ext",
                        "'vpcLatticeConfigurations':[]"),
                controllerCase("EXTERNAL may not change availabilityZoneRebalancing", "ext",
                        "'availabilityZoneRebalancing':'ENABLED'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedOutsideEcs")
    void whatOtherControllersMayNotUpdateIsAnInvalidParameter(String service, String members) {
        givenServicesOfOtherControllers();
        int events = prod.history().size();

        Decision decision = prod.when(update("'service':'" + service + "'," + members));

        assertThat(decision.error()).isNotNull();
        assertThat(decision.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
        assertThat(prod.history()).hasSize(events);
    }

    private static Arguments row(String name, String value) {
        return Arguments.of(Named.of(name, value));
    }

    private static Arguments invalid(String name, String members) {
        return Arguments.of(Named.of(name, members), ErrorCode.INVALID_PARAMETER_EXCEPTION);
    }

    /** A row naming a case, the service it updates and the members of the update. */
    private static Arguments controllerCase(String name, String service, String members) {
        return Arguments.of(Named.of(name, service), members);
    }

    private static String constraints(int count) {
        return "'placementConstraints':["
                + String.join(",", Collections.nCopies(count, "{'type':'memberOf','expression':'attribute:a == b'}"))
                + "]";
    }
}

package io.berth.core.cluster;

import static io.berth.core.fixture.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.command.CreateCluster;
import io.berth.core.command.CreateService;
import io.berth.core.command.DeleteService;
import io.berth.core.decide.Decision;
import io.berth.core.error.ErrorCode;
import io.berth.core.event.ServiceCreated;
import io.berth.core.fixture.BoundaryFixture;
import io.berth.core.fixture.TaskDefinitions;
import io.berth.core.json.Json;
import io.berth.core.model.DeploymentCircuitBreaker;
import io.berth.core.model.Deployment;
import io.berth.core.model.DeploymentConfiguration;
import io.berth.core.model.Service;
import io.berth.core.model.Tag;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CreateService as ecs-semantics §2, §3.3 and §3.4 describe it. */
class ServiceCreationTest {

    private static final String ACCOUNT_PREFIX = "arn:aws:ecs:eu-west-1:123456789012:";
    private static final String WEB_2 = ACCOUNT_PREFIX + "task-definition/web:2";

    /** The members of the botocore Service shape. */
    private static final Set<String> SERVICE_MEMBERS = Set.of("serviceArn", "serviceName", "clusterArn",
            "loadBalancers", "serviceRegistries", "status", "desiredCount", "runningCount", "pendingCount",
            "launchType", "capacityProviderStrategy", "platformVersion", "platformFamily", "taskDefinition",
            "deploymentConfiguration", "taskSets", "deployments", "roleArn", "events", "createdAt",
            "currentServiceDeployment", "currentServiceRevisions", "placementConstraints", "placementStrategy",
            "networkConfiguration", "healthCheckGracePeriodSeconds", "schedulingStrategy", "deploymentController",
            "tags", "createdBy", "enableECSManagedTags", "propagateTags", "enableExecuteCommand",
            "availabilityZoneRebalancing", "resourceManagementType");

    /** The members of the botocore Deployment shape. */
    private static final Set<String> DEPLOYMENT_MEMBERS = Set.of("id", "status", "taskDefinition", "desiredCount",
            "pendingCount", "runningCount", "failedTasks", "createdAt", "updatedAt", "capacityProviderStrategy",
            "launchType", "platformVersion", "platformFamily", "networkConfiguration", "rolloutState",
            "rolloutStateReason", "serviceConnectConfiguration", "serviceConnectResources", "volumeConfigurations",
            "fargateEphemeralStorage", "vpcLatticeConfigurations");

    private final BoundaryFixture prod = BoundaryFixture.cluster("prod")
            .withTaskDefinitions(new TaskDefinitions()
                    .add("web", 1, "ACTIVE", "bridge")
                    .add("web", 2, "ACTIVE", "bridge")
                    .add("web", 3, "INACTIVE", "bridge")
                    .add("retired", 1, "INACTIVE", "bridge")
                    .add("vpc", 1, "ACTIVE", "awsvpc")
                    .addConstrained("pinned", 1, 2))
            .given(request(CreateCluster.class, "{'clusterName':'prod'}"));

    private static CreateService create(String members) {
        return request(CreateService.class, "{'cluster':'prod'," + members + "}");
    }

    @Test
    void createsAnActiveServiceWithOnePrimaryDeploymentInProgress() {
        Decision decision = prod.when(create("'serviceName':'api','taskDefinition':'web','desiredCount':2"));

        assertThat(decision.error()).isNull();
        assertThat(decision.events()).singleElement().isInstanceOf(ServiceCreated.class);
        Service service = ((ServiceCreated) decision.events().get(0)).service();
        assertThat(service.serviceArn()).isEqualTo(ACCOUNT_PREFIX + "service/prod/api");
        assertThat(service.clusterArn()).isEqualTo(ACCOUNT_PREFIX + "cluster/prod");
        assertThat(service.status()).isEqualTo("ACTIVE");
        assertThat(service.desiredCount()).isEqualTo(2);
        assertThat(service.taskDefinition()).as("a family means its latest ACTIVE revision").isEqualTo(WEB_2);
        assertThat(service.launchType()).isEqualTo("EC2");
        assertThat(service.schedulingStrategy()).isEqualTo("REPLICA");
        assertThat(service.createdAt()).isEqualTo(prod.now());
        assertThat(service.createdBy()).isEqualTo("arn:aws:iam::123456789012:root");

        Deployment primary = service.deployments().get(0);
        assertThat(service.deployments()).hasSize(1);
        assertThat(primary.id()).isEqualTo("ecs-svc/1000000000000000001");
        assertThat(primary.status()).isEqualTo("PRIMARY");
        assertThat(primary.rolloutState()).isEqualTo("IN_PROGRESS");
        assertThat(primary.rolloutStateReason()).isEqualTo("ECS deployment ecs-svc/1000000000000000001 in progress.");
        assertThat(primary.taskDefinition()).isEqualTo(WEB_2);
        assertThat(primary.desiredCount()).isEqualTo(2);
        assertThat(primary.launchType()).isEqualTo("EC2");
        assertThat(primary.createdAt()).isEqualTo(prod.now());

        assertThat(decision.response().get("service")).as("the response shows the recorded service")
                .isEqualTo(Json.toTree(service));
        assertThat(prod.service("api")).isEqualTo(service);
    }

    @Test
    void theResponseCarriesOnlyMembersOfTheEcsShapes() {
        Decision decision = prod.when(create("'serviceName':'api','taskDefinition':'web','desiredCount':2"));

        JsonNode service = decision.response().get("service");
        assertThat(service.properties()).extracting(Map.Entry::getKey).isSubsetOf(SERVICE_MEMBERS);
        assertThat(service.at("/deployments/0").properties()).extracting(Map.Entry::getKey)
                .isSubsetOf(DEPLOYMENT_MEMBERS);
    }

    static Stream<Arguments> deploymentConfigurationDefaults() {
        return Stream.of(
                Arguments.of(Named.of("REPLICA", "'schedulingStrategy':'REPLICA','desiredCount':1"), 100, 200),
                Arguments.of(Named.of("DAEMON", "'schedulingStrategy':'DAEMON'"), 0, 100));
    }

    @ParameterizedTest(name = "a {0} service defaults to {1}/{2} percent with the circuit breaker off")
    @MethodSource("deploymentConfigurationDefaults")
    void deploymentConfigurationDefaults(String members, int minimumHealthy, int maximum) {
        Decision decision = prod.when(create("'serviceName':'api','taskDefinition':'web'," + members));

        DeploymentConfiguration configuration = ((ServiceCreated) decision.events().get(0)).service()
                .deploymentConfiguration();
        assertThat(configuration.minimumHealthyPercent()).isEqualTo(minimumHealthy);
        assertThat(configuration.maximumPercent()).isEqualTo(maximum);
        assertThat(configuration.deploymentCircuitBreaker())
                .isEqualTo(new DeploymentCircuitBreaker(false, false, null, null));
        assertThat(decision.response().at("/service/deploymentConfiguration/deploymentCircuitBreaker/enable")
                .asBoolean(true)).isFalse();
    }

    @Test
    void aDuplicateNameIsNotIdempotent() {
        prod.given(create("'serviceName':'api','taskDefinition':'web','desiredCount':1"));
        int before = prod.history().size();

        Decision decision = prod.when(create("'serviceName':'api','taskDefinition':'web','desiredCount':1"));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
        assertThat(decision.error().message()).isEqualTo("Creation of service was not idempotent.");
        assertThat(prod.history()).hasSize(before);
    }

    @Test
    void aDifferentClientTokenOnAnExistingNameIsNotIdempotent() {
        prod.given(create("'serviceName':'api','taskDefinition':'web','desiredCount':1,'clientToken':'t-1'"));

        Decision decision = prod.when(create(
                "'serviceName':'api','taskDefinition':'web','desiredCount':1,'clientToken':'t-2'"));

        assertThat(decision.error().message()).isEqualTo("Creation of service was not idempotent.");
    }

    @Test
    void theSameClientTokenAnswersWithTheSameServiceAndAppendsNothing() {
        String body = "'serviceName':'api','taskDefinition':'web','desiredCount':1,'clientToken':'t-1',"
                + "'tags':[{'key':'team','value':'a'}]";
        Decision first = prod.when(create(body));
        int before = prod.history().size();

        Decision retry = prod.when(create(body));

        assertThat(retry.error()).isNull();
        assertThat(retry.events()).isEmpty();
        assertThat(prod.history()).hasSize(before);
        assertThat(retry.response()).isEqualTo(first.response());
    }

    @Test
    void aDrainingNameCannotBeStartedAgain() {
        prod.given(create("'serviceName':'api','taskDefinition':'web','desiredCount':0"),
                request(DeleteService.class, "{'cluster':'prod','service':'api'}"));
        int before = prod.history().size();

        Decision decision = prod.when(create("'serviceName':'api','taskDefinition':'web','desiredCount':1"));

        assertThat(decision.error().code()).isEqualTo(ErrorCode.INVALID_PARAMETER_EXCEPTION);
        assertThat(decision.error().message()).isEqualTo("Unable to Start a service that is still Draining.");
        assertThat(prod.history()).hasSize(before);
    }

    @Test
    void anInactiveNameMayBeReused() {
        prod.given(create("'serviceName':'api','taskDefinition':'web:1','desiredCount':0"),
                request(DeleteService.class, "{'cluster':'prod','service':'api'}"));
        prod.given(prod.plan("api"));
        assertThat(prod.service("api").status()).isEqualTo("INACTIVE");

        Decision decision = prod.when(create("'serviceName':'api','taskDefinition':'web','desiredCount':3"));

        assertThat(decision.events()).singleElement().isInstanceOf(ServiceCreated.class);
        Service reborn = prod.service("api");
        assertThat(reborn.status()).isEqualTo("ACTIVE");
        assertThat(reborn.desiredCount()).isEqualTo(3);
        assertThat(reborn.taskDefinition()).isEqualTo(WEB_2);
        assertThat(reborn.deployments()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("ecs-svc/1000000000000000002");
            assertThat(d.status()).isEqualTo("PRIMARY");
        });
    }

    @Test
    void tagsGivenOnCreationAreRecordedAndReturned() {
        Decision decision = prod.when(create("'serviceName':'api','taskDefinition':'web','desiredCount':1,"
                + "'tags':[{'key':'team','value':'a'},{'key':'tier','value':'web'}]"));

        JsonNode tags = decision.response().at("/service/tags");
        assertThat(tags).hasSize(2);
        assertThat(tags.get(0).get("key").asText()).isEqualTo("team");
        assertThat(tags.get(1).get("value").asText()).isEqualTo("web");
        assertThat(prod.clusterState().tags(ACCOUNT_PREFIX + "service/prod/api"))
                .containsExactly(new Tag("team", "a"), new Tag("tier", "web"));
    }

    static Stream<Arguments> acceptedRequests() {
        return Stream.of(
                accepted("a 255-character service name",
                        "'serviceName':'" + "s".repeat(255) + "','taskDefinition':'web','desiredCount':1"),
                accepted("a 36-character clientToken", "'serviceName':'api','taskDefinition':'web','desiredCount':1,"
                        + "'clientToken':'" + "t".repeat(36) + "'"),
                accepted("desiredCount 0", "'serviceName':'api','taskDefinition':'web','desiredCount':0"),
                accepted("a DAEMON without desiredCount",
                        "'serviceName':'api','taskDefinition':'web','schedulingStrategy':'DAEMON'"),
                accepted("a DAEMON at 0/100 percent", "'serviceName':'api','taskDefinition':'web',"
                        + "'schedulingStrategy':'DAEMON','deploymentConfiguration':"
                        + "{'minimumHealthyPercent':0,'maximumPercent':100}"),
                accepted("minimumHealthyPercent 0",
                        replicaWith("'deploymentConfiguration':{'minimumHealthyPercent':0}")),
                accepted("minimumHealthyPercent 100",
                        replicaWith("'deploymentConfiguration':{'minimumHealthyPercent':100}")),
                accepted("maximumPercent 100", replicaWith("'deploymentConfiguration':{'maximumPercent':100}")),
                accepted("the capacity provider strategy alone",
                        replicaWith("'capacityProviderStrategy':[{'capacityProvider':'FARGATE','weight':1}]")),
                accepted("awsvpc with a network configuration", "'serviceName':'api','taskDefinition':'vpc',"
                        + "'desiredCount':1,'networkConfiguration':{'awsvpcConfiguration':{'subnets':['subnet-1']}}"),
                accepted("10 placement constraints", replicaWith(constraints(10))),
                accepted("8 constraints beside the task definition's 2",
                        "'serviceName':'api','taskDefinition':'pinned','desiredCount':1," + constraints(8)),
                accepted("distinctInstance and memberOf constraints", replicaWith("'placementConstraints':["
                        + "{'type':'distinctInstance'},{'type':'memberOf','expression':'attribute:a == b'}]")),
                accepted("5 placement strategies", replicaWith(strategies(5))),
                accepted("every placement strategy type and field", replicaWith("'placementStrategy':["
                        + "{'type':'spread','field':'attribute:ecs.availability-zone'},"
                        + "{'type':'spread','field':'instanceId'},{'type':'spread','field':'host'},"
                        + "{'type':'binpack','field':'memory'},{'type':'binpack','field':'cpu'}]")),
                accepted("a random placement strategy", replicaWith("'placementStrategy':[{'type':'random'}]")));
    }

    @ParameterizedTest(name = "CreateService with {0} is accepted")
    @MethodSource("acceptedRequests")
    void acceptedRequestCreatesTheService(String members) {
        Decision decision = prod.when(create(members));

        assertThat(decision.error()).isNull();
        assertThat(decision.events()).singleElement().isInstanceOf(ServiceCreated.class);
        assertThat(decision.response().at("/service/status").asText()).isEqualTo("ACTIVE");
    }

    static Stream<Arguments> rejectedRequests() {
        return Stream.of(
                rejected("a 256-character service name",
                        "'serviceName':'" + "s".repeat(256) + "','taskDefinition':'web','desiredCount':1"),
                rejected("a service name with a dot", "'serviceName':'a.b','taskDefinition':'web','desiredCount':1"),
                rejected("a 37-character clientToken", replicaWith("'clientToken':'" + "t".repeat(37) + "'")),
                rejected("a REPLICA without desiredCount", "'serviceName':'api','taskDefinition':'web'"),
                rejected("a negative desiredCount", "'serviceName':'api','taskDefinition':'web','desiredCount':-1"),
                rejected("a launch type and a capacity provider strategy", replicaWith("'launchType':'EC2',"
                        + "'capacityProviderStrategy':[{'capacityProvider':'FARGATE','weight':1}]")),
                rejected("awsvpc without a network configuration",
                        "'serviceName':'api','taskDefinition':'vpc','desiredCount':1"),
                rejected("a network configuration on bridge",
                        replicaWith("'networkConfiguration':{'awsvpcConfiguration':{'subnets':['subnet-1']}}")),
                rejected("a DAEMON at maximumPercent 200", "'serviceName':'api','taskDefinition':'web',"
                        + "'schedulingStrategy':'DAEMON','deploymentConfiguration':{'maximumPercent':200}"),
                rejected("a DAEMON with a placement strategy", "'serviceName':'api','taskDefinition':'web',"
                        + "'schedulingStrategy':'DAEMON','placementStrategy':[{'type':'random'}]"),
                rejected("minimumHealthyPercent -1",
                        replicaWith("'deploymentConfiguration':{'minimumHealthyPercent':-1}")),
                rejected("minimumHealthyPercent 101",
                        replicaWith("'deploymentConfiguration':{'minimumHealthyPercent':101}")),
                rejected("maximumPercent 99", replicaWith("'deploymentConfiguration':{'maximumPercent':99}")),
                rejected("11 placement constraints", replicaWith(constraints(11))),
                rejected("9 constraints beside the task definition's 2",
                        "'serviceName':'api','taskDefinition':'pinned','desiredCount':1," + constraints(9)),
                rejected("a constraint of unknown type", replicaWith("'placementConstraints':[{'type':'sameZone'}]")),
                rejected("memberOf without an expression", replicaWith("'placementConstraints':[{'type':'memberOf'}]")),
                rejected("distinctInstance with an expression", replicaWith(
                        "'placementConstraints':[{'type':'distinctInstance','expression':'attribute:a == b'}]")),
                rejected("6 placement strategies", replicaWith(strategies(6))),
                rejected("a strategy of unknown type", replicaWith("'placementStrategy':[{'type':'fill'}]")),
                rejected("binpack on a field that is not a resource",
                        replicaWith("'placementStrategy':[{'type':'binpack','field':'instanceId'}]")),
                rejected("spread without a field", replicaWith("'placementStrategy':[{'type':'spread'}]")),
                rejected("spread on a field that is neither instanceId, host nor an attribute",
                        replicaWith("'placementStrategy':[{'type':'spread','field':'colour'}]")),
                rejected("spread on an attribute without a name",
                        replicaWith("'placementStrategy':[{'type':'spread','field':'attribute:'}]")),
                Arguments.of(Named.of("an unknown task definition",
                        "'serviceName':'api','taskDefinition':'nope','desiredCount':1"), ErrorCode.CLIENT_EXCEPTION),
                Arguments.of(Named.of("an INACTIVE task definition revision",
                        "'serviceName':'api','taskDefinition':'web:3','desiredCount':1"), ErrorCode.CLIENT_EXCEPTION),
                Arguments.of(Named.of("a family with no ACTIVE revision",
                        "'serviceName':'api','taskDefinition':'retired','desiredCount':1"),
                        ErrorCode.CLIENT_EXCEPTION));
    }

    @ParameterizedTest(name = "CreateService with {0} is a {1}")
    @MethodSource("rejectedRequests")
    void rejectedRequestAppendsNothing(String members, ErrorCode code) {
        int before = prod.history().size();

        Decision decision = prod.when(create(members));

        assertThat(decision.error()).isNotNull();
        assertThat(decision.error().code()).isEqualTo(code);
        assertThat(decision.events()).isEmpty();
        assertThat(prod.history()).hasSize(before);
        assertThat(prod.clusterState().services()).isEmpty();
    }

    private static Arguments accepted(String name, String members) {
        return Arguments.of(Named.of(name, members));
    }

    private static Arguments rejected(String name, String members) {
        return Arguments.of(Named.of(name, members), ErrorCode.INVALID_PARAMETER_EXCEPTION);
    }

    private static String replicaWith(String members) {
        return "'serviceName':'api','taskDefinition':'web','desiredCount':1," + members;
    }

    private static String constraints(int count) {
        return "'placementConstraints':["
                + String.join(",", Collections.nCopies(count, "{'type':'memberOf','expression':'attribute:a == b'}"))
                + "]";
    }

    private static String strategies(int count) {
        return "'placementStrategy':["
                + String.join(",", Collections.nCopies(count, "{'type':'binpack','field':'memory'}")) + "]";
    }
}

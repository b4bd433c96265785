package io.berth.core.validate;

import static io.berth.core.fixture.Requests.request;
import static io.berth.core.validate.ValidationRows.container;
import static io.berth.core.validate.ValidationRows.stored;
import static io.berth.core.validate.ValidationRows.task;
import static io.berth.core.validate.ValidationRows.web;
import static io.berth.core.validate.ValidationRows.webTask;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.core.command.RegisterTaskDefinition;
import io.berth.core.json.Json;
import io.berth.core.model.Attribute;
import io.berth.core.model.TaskDefinition;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the validator adds to a request: ECS's defaults, compatibilities and requiresAttributes. */
class ComputedFieldsTest {

    private static final String FARGATE_SIZE = "'networkMode':'awsvpc','cpu':'256','memory':'512'";
    private static final String DOCKER_1_18 = "com.amazonaws.ecs.capability.docker-remote-api.1.18";
    private static final String DOCKER_1_19 = "com.amazonaws.ecs.capability.docker-remote-api.1.19";

    @Test
    void aMinimalDefinitionIsStoredAsEcsShowsIt() {
        JsonNode definition = stored(webTask("", ""));

        assertThat(definition).isEqualTo(Json.readTree(("{'containerDefinitions':[{'name':'web','image':'busybox',"
                + "'cpu':0,'memory':64,'portMappings':[],'essential':true,'environment':[],'mountPoints':[],"
                + "'volumesFrom':[]}],'family':'app','networkMode':'bridge','revision':0,'volumes':[],"
                + "'requiresAttributes':[],'placementConstraints':[],'compatibilities':['EC2','EXTERNAL']}")
                .replace('\'', '"')));
    }

    @Test
    void identityIsLeftForTheAccountDecider() {
        TaskDefinition definition = TaskDefinitionValidator.validate(request(RegisterTaskDefinition.class,
                webTask("'tags':[{'key':'team','value':'a'}]", "")));

        assertThat(definition.taskDefinitionArn()).isNull();
        assertThat(definition.revision()).isZero();
        assertThat(definition.status()).isNull();
        assertThat(definition.registeredAt()).isNull();
        assertThat(definition.registeredBy()).isNull();
        assertThat(definition.deregisteredAt()).isNull();
        assertThat(definition.deleteRequestedAt()).isNull();
    }

    @Test
    void fieldsBerthDoesNotInterpretArePassedThrough() {
        JsonNode definition = stored(task("'taskRoleArn':'arn:aws:iam::123456789012:role/app',"
                        + "'ephemeralStorage':{'sizeInGiB':30},'runtimePlatform':{'cpuArchitecture':'ARM64',"
                        + "'operatingSystemFamily':'LINUX'},'enableFaultInjection':true",
                web("'linuxParameters':{'capabilities':{'add':['SYS_PTRACE']}},'dockerLabels':{'team':'a'},"
                        + "'command':['httpd','-f']")));

        assertThat(definition.at("/ephemeralStorage/sizeInGiB").asInt()).isEqualTo(30);
        assertThat(definition.at("/runtimePlatform/cpuArchitecture").asText()).isEqualTo("ARM64");
        assertThat(definition.at("/enableFaultInjection").asBoolean()).isTrue();
        assertThat(definition.at("/containerDefinitions/0/linuxParameters/capabilities/add/0").asText())
                .isEqualTo("SYS_PTRACE");
        assertThat(definition.at("/containerDefinitions/0/dockerLabels/team").asText()).isEqualTo("a");
        assertThat(definition.at("/containerDefinitions/0/command/1").asText()).isEqualTo("-f");
    }

    static Stream<Arguments> compatibilities() {
        return Stream.of(
                Arguments.of(Named.of("bridge: EC2 and ECS Anywhere", webTask("", "")), List.of("EC2", "EXTERNAL")),
                Arguments.of(Named.of("none: EC2 and ECS Anywhere", webTask("'networkMode':'none'", "")),
                        List.of("EC2", "EXTERNAL")),
                Arguments.of(Named.of("host: EC2, ECS Anywhere and Managed Instances",
                        webTask("'networkMode':'host'", "")), List.of("EC2", "EXTERNAL", "MANAGED_INSTANCES")),
                Arguments.of(Named.of("awsvpc without a task size: EC2 and Managed Instances",
                        webTask("'networkMode':'awsvpc'", "")), List.of("EC2", "MANAGED_INSTANCES")),
                Arguments.of(Named.of("awsvpc with a Fargate size: also Fargate, though not required",
                        webTask(FARGATE_SIZE, "")), List.of("EC2", "FARGATE", "MANAGED_INSTANCES")),
                Arguments.of(Named.of("awsvpc with 256 CPU and 1536 MiB: not Fargate",
                        webTask("'networkMode':'awsvpc','cpu':'256','memory':'1536'", "")),
                        List.of("EC2", "MANAGED_INSTANCES")),
                Arguments.of(Named.of("a Fargate size with a privileged container: not Fargate",
                        webTask(FARGATE_SIZE, "'privileged':true")), List.of("EC2", "MANAGED_INSTANCES")),
                Arguments.of(Named.of("a Fargate size with a host path volume: not Fargate",
                        task(FARGATE_SIZE + ",'volumes':[{'name':'v','host':{'sourcePath':'/v'}}]", web(""))),
                        List.of("EC2", "MANAGED_INSTANCES")),
                Arguments.of(Named.of("a Fargate size with the syslog log driver: not Fargate",
                        webTask(FARGATE_SIZE, "'logConfiguration':{'logDriver':'syslog'}")),
                        List.of("EC2", "MANAGED_INSTANCES")),
                Arguments.of(Named.of("a Fargate size with a 121 second stopTimeout: not Fargate",
                        webTask(FARGATE_SIZE, "'stopTimeout':121")), List.of("EC2", "MANAGED_INSTANCES")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compatibilities")
    void compatibilitiesAreComputed(String json, List<String> expected) {
        assertThat(Json.convert(stored(json).get("compatibilities"), String[].class))
                .containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> requiredAttributes() {
        return Stream.of(
                Arguments.of(Named.of("a plain bridge container needs nothing", webTask("", "")), List.of()),
                Arguments.of(Named.of("awsvpc needs task ENIs", webTask("'networkMode':'awsvpc'", "")),
                        List.of(DOCKER_1_18, "ecs.capability.task-eni")),
                Arguments.of(Named.of("a log driver with options needs the driver and Docker API 1.18 and 1.19",
                        webTask("", "'logConfiguration':{'logDriver':'fluentd','options':{'tag':'web'}}")),
                        List.of(DOCKER_1_18, DOCKER_1_19, "com.amazonaws.ecs.capability.logging-driver.fluentd")),
                Arguments.of(Named.of("a log driver without options needs no Docker API 1.19",
                        webTask("", "'logConfiguration':{'logDriver':'json-file'}")),
                        List.of(DOCKER_1_18, "com.amazonaws.ecs.capability.logging-driver.json-file")),
                Arguments.of(Named.of("awslogs with an execution role needs the role to write logs",
                        webTask("'executionRoleArn':'arn:aws:iam::123456789012:role/exec'",
                                "'logConfiguration':{'logDriver':'awslogs','options':{'awslogs-group':'g'}}")),
                        List.of(DOCKER_1_18, DOCKER_1_19, "com.amazonaws.ecs.capability.logging-driver.awslogs",
                                "ecs.capability.execution-role-awslogs")),
                Arguments.of(Named.of("a health check needs container health checks",
                        webTask("", "'healthCheck':{'command':['CMD-SHELL','true']}")),
                        List.of("ecs.capability.container-health-check")),
                Arguments.of(Named.of("dependsOn needs container ordering", task("",
                        web("'dependsOn':[{'containerName':'db','condition':'START'}]"),
                        container("db", "'image':'busybox','memory':64"))),
                        List.of("ecs.capability.container-ordering")),
                Arguments.of(Named.of("a task role needs task IAM roles",
                        webTask("'taskRoleArn':'arn:aws:iam::123456789012:role/app'", "")),
                        List.of("com.amazonaws.ecs.capability.task-iam-role")),
                Arguments.of(Named.of("a privileged container needs privileged containers",
                        webTask("", "'privileged':true")),
                        List.of("com.amazonaws.ecs.capability.privileged-container")),
                Arguments.of(Named.of("an ECR image pulled with an execution role needs ECR auth by that role",
                        task("'executionRoleArn':'arn:aws:iam::123456789012:role/exec'", container("web",
                                "'image':'123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1','memory':64"))),
                        List.of("com.amazonaws.ecs.capability.ecr-auth", "ecs.capability.execution-role-ecr-pull")),
                Arguments.of(Named.of("Secrets Manager and SSM secrets need their secret capabilities",
                        webTask("", "'secrets':[{'name':'A','valueFrom':"
                                + "'arn:aws:secretsmanager:eu-west-1:123456789012:secret:a'},{'name':'B',"
                                + "'valueFrom':'arn:aws:ssm:eu-west-1:123456789012:parameter/b'}]")),
                        List.of("ecs.capability.secrets.asm.environment-variables",
                                "ecs.capability.secrets.ssm.environment-variables")),
                Arguments.of(Named.of("environment files need S3 env files",
                        webTask("", "'environmentFiles':[{'value':'arn:aws:s3:::b/app.env','type':'s3'}]")),
                        List.of("ecs.capability.env-files.s3")),
                Arguments.of(Named.of("ulimits need Docker API 1.18",
                        webTask("", "'ulimits':[{'name':'nofile','softLimit':1,'hardLimit':2}]")),
                        List.of(DOCKER_1_18)),
                Arguments.of(Named.of("Docker labels need Docker API 1.18", webTask("", "'dockerLabels':{'a':'b'}")),
                        List.of(DOCKER_1_18)),
                Arguments.of(Named.of("an init process needs Docker API 1.25",
                        webTask("", "'linuxParameters':{'initProcessEnabled':true}")),
                        List.of("com.amazonaws.ecs.capability.docker-remote-api.1.25")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredAttributes")
    void requiredAttributesAreComputedInNameOrder(String json, List<String> expected) {
        List<String> names = StreamSupport.stream(stored(json).get("requiresAttributes").spliterator(), false)
                .map(attribute -> Json.convert(attribute, Attribute.class).name())
                .toList();
        assertThat(names).containsExactlyElementsOf(expected);
    }
}

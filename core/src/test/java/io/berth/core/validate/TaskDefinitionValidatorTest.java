package io.berth.core.validate;

import static io.berth.core.error.ErrorCode.CLIENT_EXCEPTION;
import static io.berth.core.error.ErrorCode.INVALID_PARAMETER_EXCEPTION;
import static io.berth.core.validate.ValidationRows.ABSENT;
import static io.berth.core.validate.ValidationRows.accepts;
import static io.berth.core.validate.ValidationRows.container;
import static io.berth.core.validate.ValidationRows.rejects;
import static io.berth.core.validate.ValidationRows.task;
import static io.berth.core.validate.ValidationRows.web;
import static io.berth.core.validate.ValidationRows.webTask;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.core.command.RegisterTaskDefinition;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.core.fixture.Requests;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RegisterTaskDefinition rules of ecs-semantics §3.2, each with rows that ECS accepts and rows
 * it rejects. Port mappings, health checks and dependencies have their own tables.
 */
class TaskDefinitionValidatorTest {

    private static final String FARGATE = "'requiresCompatibilities':['FARGATE'],'networkMode':'awsvpc',"
            + "'cpu':'256','memory':'512'";

    @ParameterizedTest(name = "rejects {0}")
    @MethodSource({"familyAndContainerRejections", "taskParameterRejections", "fargateRejections",
            "memoryAndCpuRejections", "volumeRejections", "containerSettingRejections"})
    void rejectsTheRow(String json, ErrorCode code, List<String> messageFragments) {
        ValidationRows.assertRejected(json, code, messageFragments);
    }

    @ParameterizedTest(name = "accepts {0}")
    @MethodSource({"familyAndContainerAcceptances", "taskParameterAcceptances", "fargateAcceptances",
            "memoryAndCpuAcceptances", "volumeAcceptances", "containerSettingAcceptances"})
    void storesTheRow(String json, String pointer, String expectedJson) {
        ValidationRows.assertAccepted(json, pointer, expectedJson);
    }

    static Stream<Arguments> familyAndContainerRejections() {
        return Stream.of(
                rejects("a missing family", "{'containerDefinitions':[" + web("") + "]}", CLIENT_EXCEPTION,
                        "Family"),
                rejects("a family with a space", "{'family':'my app','containerDefinitions':[" + web("") + "]}",
                        CLIENT_EXCEPTION, "Family"),
                rejects("a family of 256 characters", "{'family':'" + "f".repeat(256) + "','containerDefinitions':["
                        + web("") + "]}", CLIENT_EXCEPTION, "Family"),
                rejects("no containers", task(""), CLIENT_EXCEPTION, "Container list cannot be empty"),
                rejects("a missing container list", "{'family':'app'}", CLIENT_EXCEPTION,
                        "Container list cannot be empty"),
                rejects("eleven containers", task("", containers(11)), CLIENT_EXCEPTION, "at most 10", "got 11"),
                rejects("a container without a name", task("", "{'image':'busybox','memory':64}"), CLIENT_EXCEPTION,
                        "container name", "container 1 of 1"),
                rejects("a container name with a dot", task("", container("web.1", "'image':'busybox','memory':64")),
                        CLIENT_EXCEPTION, "'web.1'"),
                rejects("two containers named web", task("", web(""), web("")), CLIENT_EXCEPTION,
                        "Duplicate container name 'web'"),
                rejects("a container without an image", task("", container("web", "'memory':64")), CLIENT_EXCEPTION,
                        "container 'web'", "'image' is required"),
                rejects("a blank image", webTask("", "'image':'  '"), CLIENT_EXCEPTION, "container 'web'",
                        "'image' is required"),
                rejects("an image of 4097 characters", webTask("", "'image':'" + "i".repeat(4097) + "'"),
                        CLIENT_EXCEPTION, "container 'web'", "'image'", "4097"),
                rejects("no essential container", task("", web("'essential':false"),
                        container("sidecar", "'image':'busybox','memory':64,'essential':false")), CLIENT_EXCEPTION,
                        "at least one essential container"));
    }

    static Stream<Arguments> familyAndContainerAcceptances() {
        return Stream.of(
                accepts("a family of letters, digits, hyphens and underscores",
                        "{'family':'my_app-2','containerDefinitions':[" + web("") + "]}", "/family", "'my_app-2'"),
                accepts("a family of 255 characters", "{'family':'" + "f".repeat(255) + "','containerDefinitions':["
                        + web("") + "]}", "/family", "'" + "f".repeat(255) + "'"),
                accepts("ten containers", task("", containers(10)), "/containerDefinitions/9/name", "'c10'"),
                accepts("a container name of letters, digits, hyphens and underscores",
                        task("", container("Web_1-a", "'image':'busybox','memory':64")),
                        "/containerDefinitions/0/name", "'Web_1-a'"),
                accepts("an image of 4096 characters", webTask("", "'image':'" + "i".repeat(4096) + "'"),
                        "/containerDefinitions/0/image", "'" + "i".repeat(4096) + "'"),
                accepts("one essential container beside a non-essential one",
                        task("", web(""), container("sidecar", "'image':'busybox','memory':64,'essential':false")),
                        "/containerDefinitions/1/essential", "false"),
                accepts("a container that omits essential, shown as essential", webTask("", ""),
                        "/containerDefinitions/0/essential", "true"));
    }

    static Stream<Arguments> taskParameterRejections() {
        return Stream.of(
                rejects("network mode nat", webTask("'networkMode':'nat'", ""), INVALID_PARAMETER_EXCEPTION,
                        "'networkMode'", "'nat'"),
                rejects("pidMode container", webTask("'pidMode':'container'", ""), INVALID_PARAMETER_EXCEPTION,
                        "'pidMode'", "'container'"),
                rejects("ipcMode shareable", webTask("'ipcMode':'shareable'", ""), INVALID_PARAMETER_EXCEPTION,
                        "'ipcMode'", "'shareable'"),
                rejects("an unknown compatibility", webTask("'requiresCompatibilities':['EC3']", ""),
                        INVALID_PARAMETER_EXCEPTION, "'requiresCompatibilities'", "'EC3'"),
                rejects("EXTERNAL with network mode awsvpc",
                        webTask("'requiresCompatibilities':['EXTERNAL'],'networkMode':'awsvpc'", ""),
                        CLIENT_EXCEPTION, "EXTERNAL", "'awsvpc'"),
                rejects("MANAGED_INSTANCES with network mode bridge",
                        webTask("'requiresCompatibilities':['MANAGED_INSTANCES']", ""), CLIENT_EXCEPTION,
                        "MANAGED_INSTANCES", "'bridge'"),
                rejects("task cpu of 127 units", webTask("'cpu':'127'", ""), CLIENT_EXCEPTION, "'cpu'", "'127'"),
                rejects("task cpu of 196609 units", webTask("'cpu':'196609'", ""), CLIENT_EXCEPTION, "'cpu'"),
                rejects("task memory of 2 TB", webTask("'memory':'2TB'", ""), CLIENT_EXCEPTION, "'memory'", "'2TB'"),
                rejects("a distinctInstance constraint in a task definition",
                        webTask("'placementConstraints':[{'type':'distinctInstance'}]", ""),
                        INVALID_PARAMETER_EXCEPTION, "'distinctInstance'", "memberOf"),
                rejects("a memberOf constraint without an expression",
                        webTask("'placementConstraints':[{'type':'memberOf'}]", ""), CLIENT_EXCEPTION,
                        "'expression'"),
                rejects("eleven placement constraints", webTask("'placementConstraints':" + constraints(11), ""),
                        CLIENT_EXCEPTION, "at most 10 placement constraints", "got 11"));
    }

    static Stream<Arguments> taskParameterAcceptances() {
        return Stream.of(
                accepts("no network mode, stored as bridge", webTask("", ""), "/networkMode", "'bridge'"),
                accepts("network mode host", webTask("'networkMode':'host'", ""), "/networkMode", "'host'"),
                accepts("network mode awsvpc", webTask("'networkMode':'awsvpc'", ""), "/networkMode", "'awsvpc'"),
                accepts("network mode none", webTask("'networkMode':'none'", ""), "/networkMode", "'none'"),
                accepts("pidMode task", webTask("'pidMode':'task'", ""), "/pidMode", "'task'"),
                accepts("ipcMode none", webTask("'ipcMode':'none'", ""), "/ipcMode", "'none'"),
                accepts("EC2 and EXTERNAL required of a bridge definition",
                        webTask("'requiresCompatibilities':['EC2','EXTERNAL']", ""), "/requiresCompatibilities",
                        "['EC2','EXTERNAL']"),
                accepts("MANAGED_INSTANCES required of a host definition",
                        webTask("'requiresCompatibilities':['MANAGED_INSTANCES'],'networkMode':'host'", ""),
                        "/requiresCompatibilities", "['MANAGED_INSTANCES']"),
                accepts("task cpu of 128 units", webTask("'cpu':'128'", ""), "/cpu", "'128'"),
                accepts("task cpu of 196608 units", webTask("'cpu':'196608'", ""), "/cpu", "'196608'"),
                accepts("task cpu of 1 vCPU, stored in units", webTask("'cpu':'1 vCPU'", ""), "/cpu", "'1024'"),
                accepts("task cpu of 0.5 vCPU, stored in units", webTask("'cpu':'0.5 vCPU'", ""), "/cpu", "'512'"),
                accepts("task memory of 2GB, stored in MiB", webTask("'memory':'2GB'", ""), "/memory", "'2048'"),
                accepts("task memory of 2 GB, stored in MiB", webTask("'memory':'2 GB'", ""), "/memory", "'2048'"),
                accepts("no task cpu or memory", webTask("", ""), "/cpu", ABSENT),
                accepts("a memberOf constraint", webTask("'placementConstraints':[{'type':'memberOf',"
                        + "'expression':'attribute:ecs.instance-type =~ t3.*'}]", ""),
                        "/placementConstraints/0/type", "'memberOf'"),
                accepts("ten placement constraints", webTask("'placementConstraints':" + constraints(10), ""),
                        "/placementConstraints/9/expression", "'attribute:n == 10'"),
                accepts("no placement constraints, stored as an empty list", webTask("", ""), "/placementConstraints",
                        "[]"));
    }

    static Stream<Arguments> fargateRejections() {
        return Stream.of(
                rejects("FARGATE with network mode bridge",
                        webTask("'requiresCompatibilities':['FARGATE'],'cpu':'256','memory':'512'", ""),
                        CLIENT_EXCEPTION, "Fargate only supports network mode 'awsvpc'."),
                rejects("FARGATE without task cpu",
                        webTask("'requiresCompatibilities':['FARGATE'],'networkMode':'awsvpc','memory':'512'", ""),
                        CLIENT_EXCEPTION, "Fargate requires that 'cpu' be defined at the task level."),
                rejects("FARGATE without task memory",
                        webTask("'requiresCompatibilities':['FARGATE'],'networkMode':'awsvpc','cpu':'256'", ""),
                        CLIENT_EXCEPTION, "Fargate requires that 'memory' be defined at the task level."),
                rejects("FARGATE with 256 CPU and 1536 MiB", webTask("'requiresCompatibilities':['FARGATE'],"
                        + "'networkMode':'awsvpc','cpu':'256','memory':'1536'", ""), CLIENT_EXCEPTION,
                        "No Fargate configuration exists for given values: 256 CPU, 1536 memory",
                        "512, 1024 or 2048 MiB"),
                rejects("FARGATE with 1 vCPU and 1 GB", webTask("'requiresCompatibilities':['FARGATE'],"
                        + "'networkMode':'awsvpc','cpu':'1 vCPU','memory':'1GB'", ""), CLIENT_EXCEPTION,
                        "1024 CPU, 1024 memory"),
                rejects("FARGATE with a privileged container", webTask(FARGATE, "'privileged':true"),
                        CLIENT_EXCEPTION, "container 'web'", "'privileged'"),
                rejects("FARGATE with a host volume path", task(FARGATE + ",'volumes':[{'name':'data','host':"
                        + "{'sourcePath':'/srv'}}]", web("")), CLIENT_EXCEPTION, "'sourcePath'", "'data'"),
                rejects("FARGATE with a Docker volume", task(FARGATE + ",'volumes':[{'name':'data',"
                        + "'dockerVolumeConfiguration':{'scope':'task'}}]", web("")), CLIENT_EXCEPTION,
                        "Docker volumes", "'data'"),
                rejects("FARGATE with the json-file log driver",
                        webTask(FARGATE, "'logConfiguration':{'logDriver':'json-file'}"), CLIENT_EXCEPTION,
                        "container 'web'", "'json-file'"),
                rejects("FARGATE with a stopTimeout of 121 seconds", webTask(FARGATE, "'stopTimeout':121"),
                        CLIENT_EXCEPTION, "container 'web'", "'stopTimeout'", "2 to 120"),
                rejects("FARGATE with a startTimeout of 121 seconds", webTask(FARGATE, "'startTimeout':121"),
                        CLIENT_EXCEPTION, "container 'web'", "'startTimeout'"),
                rejects("FARGATE with a placement constraint", webTask(FARGATE + ",'placementConstraints':"
                        + constraints(1), ""), CLIENT_EXCEPTION, "placement constraints"),
                rejects("FARGATE with host devices", webTask(FARGATE, "'linuxParameters':{'devices':"
                        + "[{'hostPath':'/dev/fuse'}]}"), CLIENT_EXCEPTION, "container 'web'",
                        "'linuxParameters.devices'"),
                rejects("FARGATE with pidMode host", webTask(FARGATE + ",'pidMode':'host'", ""), CLIENT_EXCEPTION,
                        "pidMode 'host'"));
    }

    static Stream<Arguments> fargateAcceptances() {
        return Stream.of(
                accepts("FARGATE with 256 CPU and 512 MiB", webTask(FARGATE, ""), "/compatibilities",
                        "['EC2','FARGATE','MANAGED_INSTANCES']"),
                accepts("FARGATE with 0.25 vCPU and 0.5 GB, stored in units and MiB", webTask(
                        "'requiresCompatibilities':['FARGATE'],'networkMode':'awsvpc','cpu':'0.25 vCPU',"
                                + "'memory':'0.5GB'", ""), "/cpu", "'256'"),
                accepts("FARGATE with 16 vCPU and 120 GB", webTask("'requiresCompatibilities':['FARGATE'],"
                        + "'networkMode':'awsvpc','cpu':'16 vCPU','memory':'120 GB'", ""), "/memory", "'122880'"),
                accepts("FARGATE with a stopTimeout of 120 seconds", webTask(FARGATE, "'stopTimeout':120"),
                        "/containerDefinitions/0/stopTimeout", "120"),
                accepts("FARGATE with a bind mount that has no host path", task(FARGATE + ",'volumes':"
                        + "[{'name':'scratch'}]", web("'mountPoints':[{'sourceVolume':'scratch',"
                        + "'containerPath':'/scratch'}]")), "/volumes/0/name", "'scratch'"),
                accepts("FARGATE with the awslogs log driver", webTask(FARGATE, "'logConfiguration':"
                        + "{'logDriver':'awslogs','options':{'awslogs-group':'app'}}"),
                        "/containerDefinitions/0/logConfiguration/logDriver", "'awslogs'"));
    }

    static Stream<Arguments> memoryAndCpuRejections() {
        return Stream.of(
                rejects("a container with no memory and no task memory",
                        task("", container("web", "'image':'busybox'")), CLIENT_EXCEPTION,
                        "Invalid setting for container 'web'. At least one of 'memory' or 'memoryReservation' "
                                + "must be specified."),
                rejects("container memory of 5 MiB", task("", container("web", "'image':'busybox','memory':5")),
                        CLIENT_EXCEPTION, "container 'web'", "'memory' 5"),
                rejects("container memory equal to its reservation", task("", container("web",
                        "'image':'busybox','memory':256,'memoryReservation':256")), CLIENT_EXCEPTION,
                        "container 'web'", "'memory' (256 MiB) must be greater than 'memoryReservation' (256 MiB)"),
                rejects("container memory below its reservation", task("", container("web",
                        "'image':'busybox','memory':128,'memoryReservation':256")), CLIENT_EXCEPTION,
                        "container 'web'", "'memoryReservation'"),
                rejects("a memory reservation of 0", task("", container("web",
                        "'image':'busybox','memoryReservation':0")), CLIENT_EXCEPTION, "container 'web'",
                        "'memoryReservation' 0"),
                rejects("container memory above the task's", task("'memory':'512'", container("web",
                        "'image':'busybox','memory':513")), CLIENT_EXCEPTION, "container 'web'",
                        "'memory' (513 MiB) is greater than the task's 'memory' (512 MiB)"),
                rejects("a memory reservation above the task's memory", task("'memory':'512'", container("web",
                        "'image':'busybox','memoryReservation':600")), CLIENT_EXCEPTION, "container 'web'",
                        "'memoryReservation' (600 MiB)"),
                rejects("negative container cpu", webTask("", "'cpu':-1"), CLIENT_EXCEPTION, "container 'web'",
                        "'cpu' -1"),
                rejects("containers whose cpu adds up past the task's", task("'cpu':'1024'", web("'cpu':600"),
                        container("log", "'image':'busybox','memory':64,'cpu':600")), CLIENT_EXCEPTION,
                        "1200", "1024"));
    }

    static Stream<Arguments> memoryAndCpuAcceptances() {
        return Stream.of(
                accepts("containers without memory when the task has memory", task("'memory':'512'",
                        container("web", "'image':'busybox'")), "/containerDefinitions/0/memory", ABSENT),
                accepts("a memory reservation alone", task("", container("web",
                        "'image':'busybox','memoryReservation':128")),
                        "/containerDefinitions/0/memoryReservation", "128"),
                accepts("container memory of 6 MiB", task("", container("web", "'image':'busybox','memory':6")),
                        "/containerDefinitions/0/memory", "6"),
                accepts("container memory just above its reservation", task("", container("web",
                        "'image':'busybox','memory':257,'memoryReservation':256")),
                        "/containerDefinitions/0/memory", "257"),
                accepts("container memory equal to the task's", task("'memory':'512'", container("web",
                        "'image':'busybox','memory':512")), "/containerDefinitions/0/memory", "512"),
                accepts("no container cpu, shown as 0", webTask("", ""), "/containerDefinitions/0/cpu", "0"),
                accepts("container cpu adding up to exactly the task's", task("'cpu':'1024'", web("'cpu':512"),
                        container("log", "'image':'busybox','memory':64,'cpu':512")),
                        "/containerDefinitions/1/cpu", "512"));
    }

    static Stream<Arguments> volumeRejections() {
        return Stream.of(
                rejects("two volumes named data", task("'volumes':[{'name':'data'},{'name':'data'}]", web("")),
                        CLIENT_EXCEPTION, "Duplicate volume name 'data'"),
                rejects("a volume name with a slash", task("'volumes':[{'name':'a/b'}]", web("")), CLIENT_EXCEPTION,
                        "'a/b'"),
                rejects("a relative host path", task("'volumes':[{'name':'data','host':{'sourcePath':'srv'}}]",
                        web("")), CLIENT_EXCEPTION, "'host.sourcePath' 'srv'", "absolute"),
                rejects("a mount of an unknown volume", webTask("", "'mountPoints':[{'sourceVolume':'ghost',"
                        + "'containerPath':'/data'}]"), CLIENT_EXCEPTION, "container 'web'", "'ghost'"),
                rejects("a mount without a container path", task("'volumes':[{'name':'data'}]",
                        web("'mountPoints':[{'sourceVolume':'data'}]")), CLIENT_EXCEPTION, "container 'web'",
                        "'containerPath'"),
                rejects("a mount at a relative container path", task("'volumes':[{'name':'data'}]",
                        web("'mountPoints':[{'sourceVolume':'data','containerPath':'data'}]")), CLIENT_EXCEPTION,
                        "container 'web'", "'containerPath'", "'data'"),
                rejects("volumesFrom an unknown container", webTask("", "'volumesFrom':[{'sourceContainer':"
                        + "'ghost'}]"), CLIENT_EXCEPTION, "container 'web'", "'volumesFrom'", "'ghost'"),
                rejects("volumesFrom itself", webTask("", "'volumesFrom':[{'sourceContainer':'web'}]"),
                        CLIENT_EXCEPTION, "container 'web'", "'volumesFrom'"));
    }

    static Stream<Arguments> volumeAcceptances() {
        return Stream.of(
                accepts("no volumes, stored as an empty list", webTask("", ""), "/volumes", "[]"),
                accepts("an absolute host path", task("'volumes':[{'name':'data','host':{'sourcePath':'/srv'}}]",
                        web("")), "/volumes/0/host/sourcePath", "'/srv'"),
                accepts("a mount of a task volume", task("'volumes':[{'name':'data'}]",
                        web("'mountPoints':[{'sourceVolume':'data','containerPath':'/data','readOnly':true}]")),
                        "/containerDefinitions/0/mountPoints/0/containerPath", "'/data'"),
                accepts("no mount points, stored as an empty list", webTask("", ""),
                        "/containerDefinitions/0/mountPoints", "[]"),
                accepts("volumesFrom another container", task("", web("'volumesFrom':[{'sourceContainer':"
                        + "'data'}]"), container("data", "'image':'busybox','memory':64")),
                        "/containerDefinitions/0/volumesFrom/0/sourceContainer", "'data'"),
                accepts("no volumesFrom, stored as an empty list", webTask("", ""),
                        "/containerDefinitions/0/volumesFrom", "[]"));
    }

    static Stream<Arguments> containerSettingRejections() {
        return Stream.of(
                rejects("links in awsvpc mode", task("'networkMode':'awsvpc'", web("'links':['db']"),
                        container("db", "'image':'busybox','memory':64")), CLIENT_EXCEPTION, "container 'web'",
                        "'links'", "'awsvpc'"),
                rejects("a link to an unknown container", webTask("", "'links':['db:database']"), CLIENT_EXCEPTION,
                        "container 'web'", "'db:database'"),
                rejects("an environment variable without a name", webTask("", "'environment':[{'value':'1'}]"),
                        CLIENT_EXCEPTION, "container 'web'", "Environment variable names cannot be empty"),
                rejects("an environment variable given twice", webTask("", "'environment':[{'name':'A','value':"
                        + "'1'},{'name':'A','value':'2'}]"), CLIENT_EXCEPTION, "container 'web'", "'A'"),
                rejects("a secret without valueFrom", webTask("", "'secrets':[{'name':'DB_PASSWORD'}]"),
                        CLIENT_EXCEPTION, "container 'web'", "'valueFrom'"),
                rejects("a secret without a name", webTask("", "'secrets':[{'valueFrom':'arn:aws:ssm:eu-west-1:"
                        + "123456789012:parameter/db'}]"), CLIENT_EXCEPTION, "container 'web'", "'name'"),
                rejects("the loggly log driver", webTask("", "'logConfiguration':{'logDriver':'loggly'}"),
                        INVALID_PARAMETER_EXCEPTION, "container 'web'", "'logConfiguration.logDriver'", "'loggly'"),
                rejects("a log configuration without a driver", webTask("", "'logConfiguration':{'options':{}}"),
                        CLIENT_EXCEPTION, "container 'web'", "'logConfiguration.logDriver' is required"),
                rejects("a restart attempt period of 59 seconds", webTask("", "'restartPolicy':{'enabled':true,"
                        + "'restartAttemptPeriod':59}"), CLIENT_EXCEPTION, "container 'web'",
                        "'restartPolicy.restartAttemptPeriod' 59"),
                rejects("a restart attempt period of 1801 seconds", webTask("", "'restartPolicy':{'enabled':true,"
                        + "'restartAttemptPeriod':1801}"), CLIENT_EXCEPTION, "container 'web'",
                        "'restartPolicy.restartAttemptPeriod' 1801"),
                rejects("51 ignored exit codes", webTask("", "'restartPolicy':{'enabled':true,'ignoredExitCodes':"
                        + exitCodes(51) + "}"), CLIENT_EXCEPTION, "container 'web'",
                        "'restartPolicy.ignoredExitCodes'", "51"),
                rejects("a restart policy that does not say whether it is enabled", webTask("",
                        "'restartPolicy':{'restartAttemptPeriod':60}"), CLIENT_EXCEPTION, "container 'web'",
                        "'restartPolicy.enabled' is required"),
                rejects("a startTimeout of 1 second", webTask("", "'startTimeout':1"), CLIENT_EXCEPTION,
                        "container 'web'", "'startTimeout' 1"),
                rejects("a stopTimeout of 1 second", webTask("", "'stopTimeout':1"), CLIENT_EXCEPTION,
                        "container 'web'", "'stopTimeout' 1"),
                rejects("a ulimit named files", webTask("", "'ulimits':[{'name':'files','softLimit':1,"
                        + "'hardLimit':2}]"), INVALID_PARAMETER_EXCEPTION, "container 'web'", "'files'", "nofile"),
                rejects("a ulimit whose soft limit is above its hard limit", webTask("", "'ulimits':[{'name':"
                        + "'nofile','softLimit':4096,'hardLimit':1024}]"), CLIENT_EXCEPTION, "container 'web'",
                        "'nofile'", "'softLimit' 4096", "'hardLimit' 1024"),
                rejects("a ulimit without a hard limit", webTask("", "'ulimits':[{'name':'nofile','softLimit':1}]"),
                        CLIENT_EXCEPTION, "container 'web'", "'hardLimit'"));
    }

    static Stream<Arguments> containerSettingAcceptances() {
        return Stream.of(
                accepts("a link to another container in bridge mode", task("", web("'links':['db:database']"),
                        container("db", "'image':'busybox','memory':64")), "/containerDefinitions/0/links",
                        "['db:database']"),
                accepts("distinct environment variables", webTask("", "'environment':[{'name':'A','value':'1'},"
                        + "{'name':'B','value':'2'}]"), "/containerDefinitions/0/environment/1/name", "'B'"),
                accepts("no environment, stored as an empty list", webTask("", ""),
                        "/containerDefinitions/0/environment", "[]"),
                accepts("a secret with a name and valueFrom", webTask("", "'secrets':[{'name':'DB_PASSWORD',"
                        + "'valueFrom':'arn:aws:ssm:eu-west-1:123456789012:parameter/db'}]"),
                        "/containerDefinitions/0/secrets/0/name", "'DB_PASSWORD'"),
                accepts("the json-file log driver", webTask("", "'logConfiguration':{'logDriver':'json-file'}"),
                        "/containerDefinitions/0/logConfiguration/logDriver", "'json-file'"),
                accepts("the none log driver", webTask("", "'logConfiguration':{'logDriver':'none'}"),
                        "/containerDefinitions/0/logConfiguration/logDriver", "'none'"),
                accepts("a restart attempt period of 60 seconds", webTask("", "'restartPolicy':{'enabled':true,"
                        + "'restartAttemptPeriod':60}"), "/containerDefinitions/0/restartPolicy/restartAttemptPeriod",
                        "60"),
                accepts("a restart attempt period of 1800 seconds", webTask("", "'restartPolicy':{'enabled':true,"
                        + "'restartAttemptPeriod':1800}"),
                        "/containerDefinitions/0/restartPolicy/restartAttemptPeriod", "1800"),
                accepts("an enabled restart policy without a period, shown with 300 seconds", webTask("",
                        "'restartPolicy':{'enabled':true}"),
                        "/containerDefinitions/0/restartPolicy/restartAttemptPeriod", "300"),
                accepts("a disabled restart policy without a period, shown without one", webTask("",
                        "'restartPolicy':{'enabled':false}"),
                        "/containerDefinitions/0/restartPolicy/restartAttemptPeriod", ABSENT),
                accepts("50 ignored exit codes", webTask("", "'restartPolicy':{'enabled':true,'ignoredExitCodes':"
                        + exitCodes(50) + "}"), "/containerDefinitions/0/restartPolicy/ignoredExitCodes/49", "50"),
                accepts("a startTimeout of 2 seconds", webTask("", "'startTimeout':2"),
                        "/containerDefinitions/0/startTimeout", "2"),
                accepts("a stopTimeout of 2 seconds", webTask("", "'stopTimeout':2"),
                        "/containerDefinitions/0/stopTimeout", "2"),
                accepts("a stopTimeout of 600 seconds outside Fargate", webTask("", "'stopTimeout':600"),
                        "/containerDefinitions/0/stopTimeout", "600"),
                accepts("a nofile ulimit", webTask("", "'ulimits':[{'name':'nofile','softLimit':1024,"
                        + "'hardLimit':4096}]"), "/containerDefinitions/0/ulimits/0/name", "'nofile'"),
                accepts("a ulimit whose soft limit equals its hard limit", webTask("", "'ulimits':[{'name':"
                        + "'memlock','softLimit':-1,'hardLimit':-1}]"),
                        "/containerDefinitions/0/ulimits/0/softLimit", "-1"));
    }

    /** Containers c1..cN, 64 MiB each. */
    private static String[] containers(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> container("c" + i, "'image':'busybox','memory':64"))
                .toArray(String[]::new);
    }

    private static String constraints(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> "{'type':'memberOf','expression':'attribute:n == " + i + "'}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String exitCodes(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(Integer::toString)
                .collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void aDefinitionLargerThan64KiBIsRefused() {
        String big = "x".repeat(70 * 1024);
        RegisterTaskDefinition request = Requests.request(RegisterTaskDefinition.class,
                "{'family':'big','containerDefinitions':[{'name':'app','image':'busybox','memory':16,"
                        + "'environment':[{'name':'BLOB','value':'" + big + "'}]}]}");

        assertThatThrownBy(() -> TaskDefinitionValidator.validate(request))
                .isInstanceOf(EcsException.class)
                .hasMessageContaining("64 KiB");
    }
}

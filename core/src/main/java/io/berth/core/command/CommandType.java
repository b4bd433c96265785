package io.berth.core.command;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The commands Berth accepts, by their wire name (the ECS operation name for ECS operations). */
public enum CommandType {
    CREATE_CLUSTER("CreateCluster", CreateCluster.class),
    UPDATE_CLUSTER("UpdateCluster", UpdateCluster.class),
    DELETE_CLUSTER("DeleteCluster", DeleteCluster.class),
    CREATE_SERVICE("CreateService", CreateService.class),
    UPDATE_SERVICE("UpdateService", UpdateService.class),
    DELETE_SERVICE("DeleteService", DeleteService.class),
    APPLY_SERVICE_PLAN("ApplyServicePlan", ApplyServicePlan.class),
    REGISTER_TASK_DEFINITION("RegisterTaskDefinition", RegisterTaskDefinition.class),
    DEREGISTER_TASK_DEFINITION("DeregisterTaskDefinition", DeregisterTaskDefinition.class),
    DELETE_TASK_DEFINITIONS("DeleteTaskDefinitions", DeleteTaskDefinitions.class),
    TAG_RESOURCE("TagResource", TagResource.class),
    UNTAG_RESOURCE("UntagResource", UntagResource.class),
    RESET_BOUNDARY("ResetBoundary", ResetBoundary.class),
    REGISTER_CONTAINER_INSTANCE("RegisterContainerInstance", RegisterContainerInstance.class),
    DEREGISTER_CONTAINER_INSTANCE("DeregisterContainerInstance", DeregisterContainerInstance.class),
    UPDATE_CONTAINER_INSTANCES_STATE("UpdateContainerInstancesState", UpdateContainerInstancesState.class),
    RECORD_AGENT_CONNECTIVITY("RecordAgentConnectivity", RecordAgentConnectivity.class),
    RUN_TASK("RunTask", RunTask.class),
    START_TASK("StartTask", StartTask.class),
    STOP_TASK("StopTask", StopTask.class),
    SUBMIT_TASK_STATE_CHANGE("SubmitTaskStateChange", SubmitTaskStateChange.class),
    EXPIRE_STOPPED_TASKS("ExpireStoppedTasks", ExpireStoppedTasks.class),
    STOP_SERVICE_DEPLOYMENT("StopServiceDeployment", StopServiceDeployment.class);

    private static final Map<String, CommandType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(CommandType::wireName, Function.identity()));
    private static final Map<Class<?>, CommandType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(CommandType::payloadType, Function.identity()));

    private final String wireName;
    private final Class<? extends Command> payloadType;

    CommandType(String wireName, Class<? extends Command> payloadType) {
        this.wireName = wireName;
        this.payloadType = payloadType;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends Command> payloadType() {
        return payloadType;
    }

    public static Optional<CommandType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static CommandType of(Command command) {
        return BY_CLASS.get(command.getClass());
    }
}

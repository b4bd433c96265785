package io.berth.core.error;

/**
 * The modelled ECS error types (ecs-semantics §1.2). Every client error is HTTP 400; only
 * {@link #SERVER_EXCEPTION} is a 500. The wire name is the bare code, e.g. {@code ClientException}.
 */
public enum ErrorCode {
    CLIENT_EXCEPTION("ClientException"),
    INVALID_PARAMETER_EXCEPTION("InvalidParameterException"),
    CLUSTER_NOT_FOUND_EXCEPTION("ClusterNotFoundException"),
    SERVICE_NOT_FOUND_EXCEPTION("ServiceNotFoundException"),
    SERVICE_NOT_ACTIVE_EXCEPTION("ServiceNotActiveException"),
    RESOURCE_NOT_FOUND_EXCEPTION("ResourceNotFoundException"),
    CLUSTER_CONTAINS_SERVICES_EXCEPTION("ClusterContainsServicesException"),
    CLUSTER_CONTAINS_TASKS_EXCEPTION("ClusterContainsTasksException"),
    CLUSTER_CONTAINS_CONTAINER_INSTANCES_EXCEPTION("ClusterContainsContainerInstancesException"),
    RESOURCE_IN_USE_EXCEPTION("ResourceInUseException"),
    LIMIT_EXCEEDED_EXCEPTION("LimitExceededException"),
    CONFLICT_EXCEPTION("ConflictException"),
    SERVICE_DEPLOYMENT_NOT_FOUND_EXCEPTION("ServiceDeploymentNotFoundException"),
    UNSUPPORTED_FEATURE_EXCEPTION("UnsupportedFeatureException"),
    ACCESS_DENIED_EXCEPTION("AccessDeniedException"),
    UNKNOWN_OPERATION_EXCEPTION("UnknownOperationException"),
    SERIALIZATION_EXCEPTION("SerializationException"),
    UNRECOGNIZED_CLIENT_EXCEPTION("UnrecognizedClientException"),
    THROTTLING_EXCEPTION("ThrottlingException"),
    SERVER_EXCEPTION("ServerException");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public int httpStatus() {
        return this == SERVER_EXCEPTION ? 500 : 400;
    }

    public static ErrorCode fromWireName(String name) {
        for (ErrorCode code : values()) {
            if (code.wireName.equals(name)) {
                return code;
            }
        }
        throw new IllegalArgumentException("unknown error code " + name);
    }
}

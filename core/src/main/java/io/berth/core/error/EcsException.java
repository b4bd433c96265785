package io.berth.core.error;

/**
 * A rejection of a request, thrown by validation and deciders and turned into an {@link EcsError}
 * at the edge. It carries no stack trace: it is an answer, not a fault.
 */
public final class EcsException extends RuntimeException {

    private final ErrorCode code;

    public EcsException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public EcsError toError() {
        return new EcsError(code, getMessage());
    }

    public static EcsException client(String message) {
        return new EcsException(ErrorCode.CLIENT_EXCEPTION, message);
    }

    public static EcsException invalidParameter(String message) {
        return new EcsException(ErrorCode.INVALID_PARAMETER_EXCEPTION, message);
    }

    public static EcsException clusterNotFound() {
        return new EcsException(ErrorCode.CLUSTER_NOT_FOUND_EXCEPTION, "Cluster not found.");
    }

    public static EcsException serviceNotFound() {
        return new EcsException(ErrorCode.SERVICE_NOT_FOUND_EXCEPTION, "Service not found.");
    }
}

package io.berth.core.validate;

import io.berth.core.error.EcsException;

/**
 * Rejections of one container's settings, worded as ECS words them:
 * {@code Invalid setting for container 'web'. At least one of 'memory' or 'memoryReservation' must be specified.}
 */
final class InvalidSetting {

    private InvalidSetting() {
    }

    /** A problem with the container's content: a ClientException, as ECS answers most of them. */
    static EcsException of(String container, String detail) {
        return EcsException.client(message(container, detail));
    }

    /** A value outside a parameter's enumerated set, which ECS answers with InvalidParameterException. */
    static EcsException unknownValue(String container, String detail) {
        return EcsException.invalidParameter(message(container, detail));
    }

    static String message(String container, String detail) {
        return "Invalid setting for container '" + container + "'. " + detail;
    }
}

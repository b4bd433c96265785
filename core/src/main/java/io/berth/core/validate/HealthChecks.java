package io.berth.core.validate;

import io.berth.core.model.HealthCheck;
import java.util.List;

/**
 * Container health check rules (ecs-semantics §3.2) and the check as ECS stores it: interval 30,
 * timeout 5 and retries 3 filled in when omitted; startPeriod stays off unless given.
 */
final class HealthChecks {

    static final int DEFAULT_INTERVAL = 30;
    static final int DEFAULT_TIMEOUT = 5;
    static final int DEFAULT_RETRIES = 3;

    private HealthChecks() {
    }

    static HealthCheck normalise(String container, HealthCheck check) {
        if (check == null) {
            return null;
        }
        checkCommand(container, check.command());
        return new HealthCheck(check.command(),
                within(container, "interval", check.interval(), 5, 300, DEFAULT_INTERVAL),
                within(container, "timeout", check.timeout(), 2, 60, DEFAULT_TIMEOUT),
                within(container, "retries", check.retries(), 1, 10, DEFAULT_RETRIES),
                within(container, "startPeriod", check.startPeriod(), 0, 300, null));
    }

    /**
     * Docker's forms: {@code ["CMD", executable, args...]} runs directly, {@code ["CMD-SHELL",
     * "command line"]} runs in the container's shell, {@code ["NONE"]} turns off a check the
     * image declares.
     */
    private static void checkCommand(String container, List<String> command) {
        if (command == null || command.isEmpty()) {
            throw InvalidSetting.of(container, "'healthCheck.command' is required.");
        }
        String form = command.get(0);
        boolean valid = switch (form == null ? "" : form) {
            case "CMD", "CMD-SHELL" -> command.size() >= 2 && present(command.get(1));
            case "NONE" -> command.size() == 1;
            default -> false;
        };
        if (!valid) {
            throw InvalidSetting.of(container, "Invalid 'healthCheck.command' " + command + ": use [\"CMD\", "
                    + "executable, args...], [\"CMD-SHELL\", \"command line\"] or [\"NONE\"].");
        }
    }

    private static boolean present(String argument) {
        return argument != null && !argument.isBlank();
    }

    private static Integer within(String container, String field, Integer value, int min, int max,
            Integer defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value < min || value > max) {
            throw InvalidSetting.of(container, "Invalid 'healthCheck." + field + "' " + value + ": use " + min
                    + " to " + max + ".");
        }
        return value;
    }
}

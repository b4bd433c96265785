package io.berth.core.scheduling;

/**
 * The two bounds of a rolling deployment (ecs-semantics §5.1): at least {@code minimumHealthy}
 * healthy tasks, at most {@code maximumTasks} tasks RUNNING or PENDING, across all deployments.
 * The minimum is rounded up and the maximum down, so the bounds never allow more than asked.
 */
public record RollingBounds(int minimumHealthy, int maximumTasks) {

    public static RollingBounds of(int desiredCount, int minimumHealthyPercent, int maximumPercent) {
        if (desiredCount < 0 || minimumHealthyPercent < 0 || maximumPercent < 0) {
            throw new IllegalArgumentException("negative count or percent: " + desiredCount + ", "
                    + minimumHealthyPercent + ", " + maximumPercent);
        }
        long scaledMin = (long) desiredCount * minimumHealthyPercent;
        long scaledMax = (long) desiredCount * maximumPercent;
        return new RollingBounds((int) ((scaledMin + 99) / 100), (int) (scaledMax / 100));
    }
}

package io.berth.agent.docker;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image name as a task definition gives it, and where the agent pulls it from.
 *
 * <p>Docker's pull API takes a repository and a tag separately and pulls <em>every</em> tag when
 * the tag is missing, so a name without one means {@code latest}, as {@code docker pull} does. A
 * digest reference ({@code repo@sha256:…}) is pulled as it is.
 *
 * <p>Amazon ECR names ({@code <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>}) are
 * pulled from the agent's configured registry when there is one — a local registry standing in for
 * ECR — as {@code <registry>/<repository>:<tag>}, so task definitions written for ECS run unchanged.
 */
public record ImageReference(String name, String repository, String tag) {

    private static final Pattern ECR = Pattern.compile(
            "^\\d{12}\\.dkr\\.ecr(?:-fips)?\\.[a-z0-9-]+\\.amazonaws\\.com(?:\\.cn)?/(.+)$");

    /** Where {@code image} is pulled from, given the registry standing in for ECR (if any). */
    public static ImageReference pullSource(String image, Optional<String> ecrRegistry) {
        String source = image;
        Matcher ecr = ECR.matcher(image);
        if (ecr.matches() && ecrRegistry.isPresent()) {
            source = stripSlash(ecrRegistry.get()) + "/" + ecr.group(1);
        }
        return parse(source);
    }

    static ImageReference parse(String image) {
        if (image.contains("@")) {
            return new ImageReference(image, image, null);
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        // A colon before the last slash belongs to a registry's port, not a tag.
        if (colon > slash) {
            return new ImageReference(image, image.substring(0, colon), image.substring(colon + 1));
        }
        return new ImageReference(image + ":latest", image, "latest");
    }

    private static String stripSlash(String registry) {
        return registry.endsWith("/") ? registry.substring(0, registry.length() - 1) : registry;
    }
}

package io.berth.log;

import io.berth.core.log.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Makes sure the log's topics exist (commands, events, replies, heartbeats, container logs), and
 * that berth.commands and berth.events have the same
 * number of partitions: the single-writer rule depends on a boundary's commands and events
 * sharing a partition number.
 */
public final class TopicLayout {

    private static final long DAY_MILLIS = 24 * 3600 * 1000L;

    private TopicLayout() {
    }

    /** Describes the command and event topics, waiting out the moment after creation when they are not yet known. */
    private static Map<String, TopicDescription> describe(Admin admin) throws InterruptedException, ExecutionException {
        for (int attempt = 1; ; attempt++) {
            try {
                return admin.describeTopics(List.of(Topics.COMMANDS, Topics.EVENTS)).allTopicNames().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || attempt == 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** Creates missing topics and returns the partition count of the command and event topics. */
    public static int ensure(Admin admin, int partitions, short replicationFactor)
            throws InterruptedException, ExecutionException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = new ArrayList<>();
        if (!existing.contains(Topics.COMMANDS)) {
            // Commands are kept no longer than the command-service remembers their ids (24 h by
            // default): should the group's offsets ever be lost, what is re-read is deduplicated.
            missing.add(new NewTopic(Topics.COMMANDS, partitions, replicationFactor)
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(DAY_MILLIS))));
        }
        if (!existing.contains(Topics.EVENTS)) {
            missing.add(new NewTopic(Topics.EVENTS, partitions, replicationFactor)
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1")));
        }
        if (!existing.contains(Topics.REPLIES)) {
            missing.add(new NewTopic(Topics.REPLIES, partitions, replicationFactor)
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(DAY_MILLIS))));
        }
        if (!existing.contains(Topics.HEARTBEATS)) {
            missing.add(new NewTopic(Topics.HEARTBEATS, partitions, replicationFactor)
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(3600 * 1000L))));
        }
        if (!existing.contains(Topics.LOGS)) {
            missing.add(new NewTopic(Topics.LOGS, partitions, replicationFactor)
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(7 * DAY_MILLIS))));
        }
        for (NewTopic topic : missing) {
            try {
                admin.createTopics(List.of(topic)).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        Map<String, TopicDescription> described = describe(admin);
        int commands = described.get(Topics.COMMANDS).partitions().size();
        int events = described.get(Topics.EVENTS).partitions().size();
        if (commands != events) {
            throw new IllegalStateException(Topics.COMMANDS + " has " + commands + " partitions but " + Topics.EVENTS
                    + " has " + events + "; they must be equal for each boundary to have a single writer");
        }
        return commands;
    }
}

package io.berth.infra.local;

import io.berth.core.log.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topic layout of the log (see {@link Topics}): {@code berth.commands} and {@code berth.events}
 * with the same partition count, since a boundary's commands and events must share a partition
 * number for one owner to be its only writer; {@code berth.events} kept forever; {@code berth.replies}.
 */
public final class BerthTopics {

    private static final long TIMEOUT_SECONDS = 30;

    private BerthTopics() {
    }

    /**
     * Creates the three topics with {@code partitions} partitions each, leaving topics that already
     * exist as they are. Fails if an existing commands/events pair disagrees on its partition count.
     */
    public static void create(Admin admin, int partitions) {
        ensure(admin, partitions, List.of(Topics.COMMANDS, Topics.EVENTS, Topics.REPLIES));
        Map<String, TopicDescription> pair = describe(admin, List.of(Topics.COMMANDS, Topics.EVENTS));
        int commands = pair.get(Topics.COMMANDS).partitions().size();
        int events = pair.get(Topics.EVENTS).partitions().size();
        if (commands != events) {
            throw new IllegalStateException(Topics.COMMANDS + " has " + commands + " partitions but " + Topics.EVENTS
                    + " has " + events + ": they must have the same count, because a boundary's commands and events"
                    + " are routed to the same partition number");
        }
    }

    /**
     * Creates each named topic that does not exist yet, with {@code partitions} partitions and
     * replication factor 1 (one broker). {@code berth.events} gets unlimited retention.
     */
    public static void ensure(Admin admin, int partitions, List<String> names) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            NewTopic topic = new NewTopic(name, partitions, (short) 1);
            if (name.equals(Topics.EVENTS)) {
                topic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1"));
            }
            topics.add(topic);
        }
        admin.createTopics(topics).values().forEach((name, future) -> {
            try {
                future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + name, e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topic " + name, e);
            } catch (TimeoutException e) {
                throw new IllegalStateException("timed out creating topic " + name, e);
            }
        });
    }

    private static Map<String, TopicDescription> describe(Admin admin, List<String> names) {
        try {
            return admin.describeTopics(names).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe topics " + names, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topics " + names, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out describing topics " + names, e);
        }
    }
}

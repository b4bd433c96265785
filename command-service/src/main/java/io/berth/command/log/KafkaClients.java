package io.berth.command.log;

import io.berth.command.config.CommandServiceConfig;
import io.berth.log.KafkaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Creates the Kafka clients of the command-service with the settings its guarantees rest on. */
@ApplicationScoped
public class KafkaClients {

    public static final String GROUP_ID = "berth-command-service";

    private final CommandServiceConfig config;

    public KafkaClients(CommandServiceConfig config) {
        this.config = config;
    }

    private KafkaSettings settings() {
        return new KafkaSettings(config.kafka().bootstrapServers(), config.kafka().client());
    }

    public Admin admin() {
        return Admin.create(settings().common());
    }

    /**
     * The producer of the consume-decide-append loop. Transactional with this instance's stable
     * id; idempotence and acks=all follow from that.
     */
    public KafkaProducer<String, byte[]> transactionalProducer() {
        Map<String, Object> props = settings().producer();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "berth-command-service-" + config.commandService().instanceId());
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                (int) config.commandService().transactionTimeout().toMillis());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(props);
    }

    /**
     * The command consumer: a group member, so partitions (and with them boundaries) are shared
     * among instances; offsets are committed only inside the producer's transactions.
     */
    public KafkaConsumer<String, byte[]> commandConsumer() {
        Map<String, Object> props = settings().consumer();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.commandService().maxBatch());
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        // Rebuilding a partition happens inside poll(); a long log must not get the member evicted.
        props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(30).toMillis());
        return new KafkaConsumer<>(props);
    }

    /** A group-less reader of the event log, for rebuilding state and for the catalog. */
    public KafkaConsumer<String, byte[]> eventReader() {
        Map<String, Object> props = settings().consumer();
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(props);
    }
}

package io.berth.command.log;

import io.berth.command.config.CommandServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Creates the Kafka clients of the command-service with the settings its guarantees rest on. */
@ApplicationScoped
public class KafkaClients {

    public static final String GROUP_ID = "berth-command-service";

    private final CommandServiceConfig config;

    public KafkaClients(CommandServiceConfig config) {
        this.config = config;
    }

    private Map<String, Object> common() {
        Map<String, Object> props = new HashMap<>(config.kafka().client());
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
        return props;
    }

    public Admin admin() {
        return Admin.create(common());
    }

    /**
     * The producer of the consume-decide-append loop. Transactional with this instance's stable
     * id; idempotence and acks=all follow from that.
     */
    public KafkaProducer<String, byte[]> transactionalProducer() {
        Map<String, Object> props = common();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "berth-command-service-" + config.commandService().instanceId());
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                (int) config.commandService().transactionTimeout().toMillis());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(props);
    }

    /**
     * The command consumer: a group member, so partitions (and with them boundaries) are shared
     * among instances; offsets are committed only inside the producer's transactions.
     */
    public KafkaConsumer<String, byte[]> commandConsumer() {
        Map<String, Object> props = common();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.commandService().maxBatch());
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(props);
    }

    /** A group-less reader of the event log, for rebuilding state and for the catalog. */
    public KafkaConsumer<String, byte[]> eventReader() {
        Map<String, Object> props = common();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(props);
    }
}

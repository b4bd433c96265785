package io.berth.projection.apply;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record of berth.events at its place in the log. */
public record LogRecord(int partition, long offset, byte[] value) {

    public static LogRecord of(ConsumerRecord<?, byte[]> record) {
        return new LogRecord(record.partition(), record.offset(), record.value());
    }
}

package io.berth.projection.apply;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record of one of the log's topics at its place in the log, with the record's timestamp
 * (epoch milliseconds; for berth.logs the time its output was ingested).
 */
public record LogRecord(int partition, long offset, long timestamp, byte[] value) {

    public static LogRecord of(ConsumerRecord<?, byte[]> record) {
        return new LogRecord(record.partition(), record.offset(), record.timestamp(), record.value());
    }
}

package io.berth.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/** Writes an instant as epoch seconds with millisecond fraction, e.g. {@code 1466801812.435}. */
final class EpochSecondsSerializer extends StdSerializer<Instant> {

    EpochSecondsSerializer() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeNumber(BigDecimal.valueOf(value.toEpochMilli(), 3));
    }
}

package io.berth.projection.apply;

import com.fasterxml.jackson.core.JsonGenerator;
import io.berth.core.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes the JSON text of a statement parameter (a JSON array of rows, unpacked in SQL with
 * {@code jsonb_to_recordset}) straight to a generator, without building a tree first.
 */
final class JsonParameter {

    /** SQL that makes PostgreSQL parse parameter 1 as jsonb (a parameter typed jsonb would be bound as a JSON string scalar). */
    static final String FIRST = "CAST(CAST(?1 AS text) AS jsonb)";

    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonParameter() {
    }

    static String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.setCodec(Json.MAPPER);
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}

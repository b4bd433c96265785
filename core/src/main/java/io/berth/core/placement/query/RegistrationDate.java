package io.berth.core.placement.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The date formats {@code registeredAt} accepts (AWS "Cluster query language"):
 * {@code 2018-06-18T22:28:28+00:00}, {@code 2018-06-18T22:28:28Z}, {@code 2018-06-18T22:28:28} and
 * {@code 2018-06-18}. Without a zone the time is UTC; a bare date is its first instant.
 */
final class RegistrationDate {

    private RegistrationDate() {
    }

    static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException withoutTime) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notADate) {
                    throw new IllegalArgumentException("'" + text + "' is not a date such as "
                            + "2018-06-18T22:28:28+00:00, 2018-06-18T22:28:28Z, 2018-06-18T22:28:28 or 2018-06-18");
                }
            }
        }
    }
}

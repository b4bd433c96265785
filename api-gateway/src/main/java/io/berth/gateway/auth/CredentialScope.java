package io.berth.gateway.auth;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credential scope of a SigV4 {@code Authorization} header:
 * {@code AWS4-HMAC-SHA256 Credential=<AKID>/<yyyymmdd>/<region>/<service>/aws4_request, SignedHeaders=..., Signature=...}.
 */
public record CredentialScope(String accessKeyId, String date, String region, String service) {

    private static final Pattern CREDENTIAL = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request\\b.*",
            Pattern.DOTALL);

    public static Optional<CredentialScope> parse(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        Matcher m = CREDENTIAL.matcher(authorization.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new CredentialScope(m.group(1), m.group(2), m.group(3), m.group(4)));
    }
}

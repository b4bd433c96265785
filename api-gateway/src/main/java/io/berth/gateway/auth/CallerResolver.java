package io.berth.gateway.auth;

import io.berth.core.arn.Scope;
import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import io.berth.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves the caller of a request: the region from the SigV4 credential scope (default
 * {@code us-east-1}), the account from the configured access-key map. In local mode unknown keys,
 * and requests without a signature, act in the default account; otherwise they are refused.
 *
 * <p>This is the one place authentication is decided: SigV4 signature verification (ecs-semantics
 * §1.3) belongs here, after the access key's account is known.
 */
@ApplicationScoped
public class CallerResolver {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+-[0-9]+|[a-z0-9-]{1,32}");

    private final GatewayConfig.Gateway config;

    public CallerResolver(GatewayConfig config) {
        this.config = config.gateway();
    }

    /**
     * @param authorization the {@code Authorization} header, or null
     * @param service the signing name the endpoint expects ({@code ecs})
     */
    public Caller resolve(String authorization, String service) {
        Optional<CredentialScope> credential = CredentialScope.parse(authorization);
        if (credential.isEmpty()) {
            if (authorization != null || !config.localMode()) {
                throw new EcsException(ErrorCode.UNRECOGNIZED_CLIENT_EXCEPTION,
                        "The security token included in the request is invalid.");
            }
            return caller(config.defaultAccount(), config.defaultRegion(), "anonymous");
        }
        CredentialScope scope = credential.get();
        if (!scope.service().equals(service)) {
            throw new EcsException(ErrorCode.UNRECOGNIZED_CLIENT_EXCEPTION, "Credential should be scoped to correct "
                    + "service: '" + service + "'.");
        }
        if (!REGION.matcher(scope.region()).matches()) {
            throw new EcsException(ErrorCode.UNRECOGNIZED_CLIENT_EXCEPTION, "Credential should be scoped to a valid "
                    + "region.");
        }
        String account = config.accessKeys().get(scope.accessKeyId());
        if (account == null) {
            if (!config.localMode()) {
                throw new EcsException(ErrorCode.UNRECOGNIZED_CLIENT_EXCEPTION,
                        "The security token included in the request is invalid.");
            }
            account = config.defaultAccount();
        }
        return caller(account, scope.region(), scope.accessKeyId());
    }

    private static Caller caller(String account, String region, String accessKeyId) {
        return new Caller(new Scope(account, region), accessKeyId, "arn:aws:iam::" + account + ":root");
    }
}

package io.berth.agent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {

    @ParameterizedTest(name = "{0} (registry {1}) is pulled as {2} + {3}")
    @CsvSource(nullValues = "-", value = {
            "busybox,                      -,                busybox,                      latest",
            "busybox:1.36,                 -,                busybox,                      1.36",
            "127.0.0.1:5000/app,           -,                127.0.0.1:5000/app,           latest",
            "127.0.0.1:5000/team/app:v2,   -,                127.0.0.1:5000/team/app,      v2",
            "app@sha256:abc,               -,                app@sha256:abc,               -",
            // ECR names come from the configured stand-in registry, repository and tag kept
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app:v3, 127.0.0.1:5000, 127.0.0.1:5000/team/app, v3",
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app,   127.0.0.1:5000/,  127.0.0.1:5000/app,     latest",
            // without one, an ECR name is pulled as it is (and fails cleanly where ECR is unreachable)
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1, -, 123456789012.dkr.ecr.us-east-1.amazonaws.com/app, 1",
            // only ECR names are redirected
            "registry.example.com/app:1,   127.0.0.1:5000,   registry.example.com/app,     1",
    })
    void pullSource(String image, String registry, String repository, String tag) {
        ImageReference source = ImageReference.pullSource(image, Optional.ofNullable(registry));

        assertThat(source.repository()).isEqualTo(repository);
        assertThat(source.tag()).isEqualTo(tag);
    }
}

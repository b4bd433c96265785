package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.infra.local.BerthStack;
import io.berth.infra.local.EmbeddedKafka;
import io.berth.infra.local.EmbeddedPostgresServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The production-like configuration: the services pointed at a Kafka cluster and a PostgreSQL
 * server that they did not start (here started separately, as an operator's would be), through
 * the same settings the README documents.
 */
class ExternalInfrastructureE2ETest {

    @Test
    void theServicesRunAgainstAnExternalKafkaAndPostgres() throws Exception {
        Path dir = Files.createTempDirectory("berth-external");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
                EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"))) {
            postgres.createDatabase(BerthStack.DATABASE);
            BerthStack.Options options = BerthStack.Options.local(Path.of(System.getProperty("berth.root")),
                    dir.resolve("stack")).withExternal(kafka.bootstrapServers(), "127.0.0.1:" + postgres.port());
            try (BerthStack stack = BerthStack.start(options);
                    EcsClient ecs = EcsClient.builder()
                            .endpointOverride(URI.create(stack.endpoint()))
                            .region(Region.EU_WEST_1)
                            .credentialsProvider(StaticCredentialsProvider.create(
                                    AwsBasicCredentials.create("AKIAEXTERNAL", "secret")))
                            .httpClient(UrlConnectionHttpClient.create())
                            .build()) {
                assertThat(stack.kafkaBootstrapServers()).isEqualTo(kafka.bootstrapServers());

                ecs.createCluster(b -> b.clusterName("external"));

                assertThat(ecs.describeClusters(b -> b.clusters("external")).clusters().get(0).clusterArn())
                        .isEqualTo("arn:aws:ecs:eu-west-1:000000000000:cluster/external");
                try (Admin admin = kafka.admin()) {
                    assertThat(admin.listTopics().names().get()).contains("berth.commands", "berth.events");
                }
            }
        }
    }
}

package io.berth.log;

import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * A service's long-running Kafka loop on its own thread. It runs {@code session} over and over: a
 * session creates its clients, works until {@link #stop()}, and a session that fails is logged and
 * followed by a fresh one after a pause, so a broker hiccup or a fenced producer costs a restart
 * from the log, never the service. A JVM error ends the process (exit code 70) rather than leave
 * it running without its loop. {@link #stop()} wakes the session's consumer and waits.
 */
public final class ConsumerLoop {

    /** One session's work; it calls {@link Session#consuming} with its consumer and runs while {@link Session#running}. */
    @FunctionalInterface
    public interface Body {
        void run(Session session) throws Exception;
    }

    /** What a session's body sees of its loop. */
    public final class Session {

        /** Registers the consumer that {@link #stop()} must wake. */
        public void consuming(KafkaConsumer<?, ?> consumer) {
            current = consumer;
        }

        public boolean running() {
            return running;
        }

        /** Marks the loop ready (for readiness checks); a new session starts unready. */
        public void ready() {
            ready = true;
        }
    }

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    private final String name;
    private final Body body;
    private final Duration pause;
    private final Consumer<Throwable> onFailure;
    private volatile boolean running;
    private volatile boolean ready;
    private volatile KafkaConsumer<?, ?> current;
    private Thread thread;

    public ConsumerLoop(String name, Body body) {
        this(name, body, Duration.ofSeconds(1), failure -> { });
    }

    /** @param onFailure runs after a failed session, before the pause (e.g. to drop cached state) */
    public ConsumerLoop(String name, Body body, Duration pause, Consumer<Throwable> onFailure) {
        this.name = name;
        this.body = body;
        this.pause = pause;
        this.onFailure = onFailure;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, name);
        thread.start();
    }

    public synchronized void stop() throws InterruptedException {
        running = false;
        KafkaConsumer<?, ?> consumer = current;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }

    public boolean isReady() {
        return ready;
    }

    private void run() {
        Session session = new Session();
        while (running) {
            try {
                body.run(session);
            } catch (WakeupException | InterruptedException stopping) {
                if (running) {
                    LOG.warnf("%s was interrupted while running; starting a new session", name);
                }
            } catch (Exception e) {
                if (running) {
                    LOG.errorf(e, "%s session failed; starting over", name);
                    onFailure.accept(e);
                    sleep();
                }
            } catch (Error fatal) {
                // The JVM itself is in trouble (out of memory, a broken class). A service whose loop
                // is gone must not look alive: exit at once and let the supervisor start it again.
                LOG.fatalf(fatal, "%s hit a fatal error; the process exits", name);
                Runtime.getRuntime().halt(70);
            } finally {
                ready = false;
                current = null;
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

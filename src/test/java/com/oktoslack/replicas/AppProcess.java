package com.oktoslack.replicas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The app as a JVM of its own, started from the test's class path with {@code com.oktoslack.Application}, as a
 * replica runs in production: its settings are system properties, its output goes to
 * {@code target/replicas/<name>.log}, and it can be killed without warning (SIGKILL, as {@code kill -9}).
 * Every process still running when the test JVM exits is killed by a shutdown hook, so none outlives a failed run.
 */
final class AppProcess implements AutoCloseable {

    /** Exit status of a process ended by SIGKILL (128 + 9); a clean stop ends with 0, SIGTERM with 143. */
    static final int KILLED = 137;

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final Instant started;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AppProcess(String name, int port, Path log, Process process, Instant started) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.started = started;
    }

    /** Starts the app on a free port of its own with {@code settings} (property name to value) on top of the test environment's. */
    static AppProcess start(String name, Map<String, String> settings) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Several JVMs share two cores in CI: a small heap and the quick compiler keep start-up short.
        command.add("-Xmx384m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dmicronaut.environments=test");
        command.add("-Dmicronaut.server.port=" + port);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(classPath());
        command.add("com.oktoslack.Application");
        Path log = Path.of("target", "replicas", name + ".log");
        try {
            Files.createDirectories(log.getParent());
            Instant started = Instant.now();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            RUNNING.add(process);
            return new AppProcess(name, port, log, process, started);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Surefire may hand the forked JVM a manifest-only jar; the class path it names is the same either way. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits until {@code /health/readiness} answers 200 (database and Oktopost's credentials good); the time it took from the start. */
    Duration awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest readiness = HttpRequest.newBuilder(uri().resolve("/health/readiness")).timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before it was ready:\n" + logTail());
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.between(started, Instant.now());
                }
            } catch (IOException notListeningYet) {
                // The server is not up yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new AssertionError(name + " not ready within " + timeout + ":\n" + logTail());
    }

    /**
     * SIGKILL, as {@code kill -9}: no shutdown hook, no finished job, no closed connection. Fails unless the
     * process was running until then and ended by that signal; its exit status.
     */
    int kill() {
        ProcessHandle handle = process.toHandle();
        if (!handle.isAlive()) {
            throw new AssertionError(name + " was no longer running when it was to be killed:\n" + logTail());
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError(name + " still runs 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        RUNNING.remove(process);
        return process.exitValue();
    }

    /** The last lines of the process's output, for a failure message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output in " + log + ": " + e.getMessage() + ")";
        }
    }

    /** The whole output, to search it for lines a test must not see. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** Ends the process at once if it still runs; the test only asserts what the database and the fakes recorded. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(process);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", port " + port + ")";
    }
}

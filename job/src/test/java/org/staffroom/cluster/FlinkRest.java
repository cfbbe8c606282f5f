package org.staffroom.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** The few calls of Flink's REST API the test makes, on java.net.http. */
final class FlinkRest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** Failures the job may recover from before the test stops waiting (the job restarts forever by design). */
    private static final int MAX_FAILURES = 2;

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FlinkRest(String base) {
        this.base = base;
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** {@code POST /jars/upload}, multipart/form-data with the field {@code jarfile}; returns the jar's id. */
    String uploadJar(Path jar) throws IOException, InterruptedException {
        String boundary = "----staffroom" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName() + "\"\r\n"
                + "Content-Type: application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(jar));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(base + "/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        if (!"success".equals(answer.path("status").asText())) {
            throw new IllegalStateException("upload of " + jar + " failed: " + answer);
        }
        // "filename" is the server-side path; its last segment is the jar id
        String filename = answer.path("filename").asText();
        return filename.substring(filename.lastIndexOf('/') + 1);
    }

    /** {@code POST /jars/{id}/run} with {@code programArgsList} and {@code parallelism}; returns the job id. */
    String runJar(String jarId, List<String> programArgs, int parallelism) throws IOException, InterruptedException {
        return runJar(jarId, programArgs, parallelism, null);
    }

    /**
     * {@code POST /jars/{id}/run}, restoring the job from {@code savepointPath} (a savepoint or a retained
     * checkpoint, as {@code flink run -s}) unless it is null; returns the job id.
     */
    String runJar(String jarId, List<String> programArgs, int parallelism, String savepointPath)
            throws IOException, InterruptedException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("programArgsList", programArgs);
        request.put("parallelism", parallelism);
        if (savepointPath != null) {
            request.put("savepointPath", savepointPath);
        }
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(base + "/jars/" + jarId + "/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))));
        String jobId = answer.path("jobid").asText("");
        if (jobId.isEmpty()) {
            throw new IllegalStateException("no job id in the answer to /jars/" + jarId + "/run: " + answer);
        }
        return jobId;
    }

    /**
     * Polls {@code GET /jobs/{id}} until the job is FINISHED and returns its details; fails with the job's
     * exceptions as soon as it FAILED or was CANCELED, or has failed {@value #MAX_FAILURES} times (and keeps
     * restarting), or when {@code limit} passes.
     */
    JsonNode awaitFinished(String jobId, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            JsonNode job = get("/jobs/" + jobId);
            String state = job.path("state").asText();
            if (state.equals("FINISHED")) {
                return job;
            }
            JsonNode failures = get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries");
            if (state.equals("FAILED") || state.equals("CANCELED") || failures.size() >= MAX_FAILURES
                    || System.nanoTime() > deadline) {
                throw new AssertionError("job " + jobId + " is " + state + " after " + failures.size()
                        + " failure(s)" + (System.nanoTime() > deadline ? ", not FINISHED within " + limit : "")
                        + exceptions(failures));
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    /**
     * {@code POST /jobs/{id}/stop} without draining (open windows stay open, in the savepoint), then polls the
     * savepoint until it completes and the job is FINISHED; returns the savepoint's location.
     */
    String stopWithSavepoint(String jobId, Path targetDirectory, Duration limit)
            throws IOException, InterruptedException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("targetDirectory", targetDirectory.toUri().toString());
        request.put("drain", false);
        String trigger = send(HttpRequest.newBuilder(URI.create(base + "/jobs/" + jobId + "/stop"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))).path("request-id").asText();
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            JsonNode status = get("/jobs/" + jobId + "/savepoints/" + trigger);
            if (status.path("status").path("id").asText().equals("COMPLETED")) {
                JsonNode operation = status.path("operation");
                if (!operation.path("failure-cause").isMissingNode()) {
                    throw new AssertionError("stopping job " + jobId + " with a savepoint failed: " + operation);
                }
                String location = operation.path("location").asText();
                String state;
                while (!(state = get("/jobs/" + jobId).path("state").asText()).equals("FINISHED")) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("job " + jobId + " is " + state + ", not FINISHED within " + limit);
                    }
                    TimeUnit.MILLISECONDS.sleep(100);
                }
                return location;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no savepoint of job " + jobId + " within " + limit + ": " + status);
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    /** {@code PATCH /jobs/{id}?mode=cancel}, then polls until the job is CANCELED. */
    void cancel(String jobId, Duration limit) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(base + "/jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
        long deadline = System.nanoTime() + limit.toNanos();
        String state;
        while (!(state = get("/jobs/" + jobId).path("state").asText()).equals("CANCELED")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + jobId + " is " + state + ", not CANCELED within " + limit);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static String exceptions(JsonNode entries) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode e : entries) {
            sb.append("\n---- ").append(e.path("taskName").asText("(job)")).append(" @ ")
                    .append(e.path("endpoint").asText("")).append('\n').append(e.path("stacktrace").asText());
        }
        return sb.toString();
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(REQUEST_TIMEOUT).build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(built.method() + " " + built.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}

package org.staffroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.flink.client.cli.CliFrontendParser;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffroom.QueryRows;
import org.staffroom.StaffroomJob;
import org.staffroom.config.StaffroomConfig;
import org.staffroom.datagen.DatagenCli;
import org.staffroom.datagen.replay.DurationConverter;
import org.staffroom.datagen.replay.ReplayOptions;
import org.staffroom.embedded.EmbeddedPostgres;
import org.staffroom.schema.SchemaMigrations;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * docker-compose.yml, checked against the real parts it starts, since this machine cannot run
 * it: pinned images, host paths that exist or are documented build outputs, the job's and
 * datagen's command lines parsed by the job and by datagen themselves, the Kafka, Flink and
 * PostgreSQL settings they depend on, and Grafana's provisioning.
 */
class ComposeFileTest {
    private static final Set<String> SERVICES =
            Set.of("secrets-init", "kafka", "kafka-init", "postgres", "db-logins", "jobmanager", "taskmanager", "submit",
                    "datagen", "collect-bluesky", "collect-mastodon", "grafana", "prometheus");
    private static final List<String> COLLECTORS = List.of("collect-bluesky", "collect-mastodon");
    /** Where the services mount the volume secrets-init writes the passwords into. */
    private static final String SECRETS = "/run/staffroom-secrets";
    private static final Set<Integer> DOCUMENTED_PORTS = Set.of(9092, 5432, 8081, 3000, 9090);

    static Path root;
    static Compose compose;
    static String header;

    @BeforeAll
    static void load() throws IOException {
        root = Compose.repositoryRoot();
        compose = Compose.load(root.resolve("docker-compose.yml"), Map.of());
        StringBuilder comments = new StringBuilder();
        for (String line : Files.readAllLines(root.resolve("docker-compose.yml"))) {
            if (!line.startsWith("#")) {
                break;
            }
            comments.append(line).append('\n');
        }
        header = comments.toString();
    }

    @Test
    void theStackHasEveryService() {
        assertThat(fieldNames(compose.resolved.path("services"))).containsAll(SERVICES);
    }

    @Test
    void everyImageIsPinnedToAnExactVersion() {
        Map<String, String> images = new LinkedHashMap<>();
        fields(compose.resolved.path("services"))
                .forEach(s -> images.put(s.getKey(), s.getValue().path("image").asText(null)));
        assertThat(images).allSatisfy((service, image) -> {
            assertThat(image).as("image of %s", service).isNotNull().matches("[\\w./-]+:[\\w.-]+");
            String tag = image.substring(image.lastIndexOf(':') + 1);
            assertThat(tag).as("tag of %s", image).isNotEqualTo("latest").containsPattern("\\d");
        });
        // the versions the tests run against
        assertThat(images.get("kafka")).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
        String flinkVersion = EnvironmentInformation.getVersion();
        for (String service : List.of("jobmanager", "taskmanager", "submit")) {
            assertThat(images.get(service)).as(service).startsWith("flink:" + flinkVersion + "-").endsWith("-java17");
        }
        assertThat(images.get("postgres")).startsWith("postgres:17.");
        assertThat(images.get("grafana")).matches("grafana/grafana(-oss)?:1[12]\\.\\d+\\.\\d+");
        assertThat(images.get("datagen")).startsWith("eclipse-temurin:17.");
        for (String collector : COLLECTORS) {
            assertThat(images.get(collector)).as(collector).isEqualTo(images.get("datagen"));
        }
    }

    @Test
    void everyHostPathExistsOrIsADocumentedBuildOutput() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> s : fields(compose.resolved.path("services"))) {
            for (Compose.Volume v : Compose.volumes(s.getValue())) {
                if (!v.isHostPath()) {
                    assertThat(compose.resolved.path("volumes").has(v.source()))
                            .as("named volume %s of %s is declared", v.source(), s.getKey()).isTrue();
                    continue;
                }
                String where = s.getKey() + ": " + v.source();
                assertThat(v.source()).as(where).startsWith("./");
                Path path = root.resolve(v.source()).normalize();
                assertThat(path.startsWith(root)).as(where + " is inside the repository").isTrue();
                Path relative = root.relativize(path);
                int target = indexOf(relative, "target");
                if (target < 0) {
                    assertThat(path).as(where + " exists in the repository").exists();
                } else {
                    assertBuildOutput(where, relative, target, v);
                }
                assertThat(v.readOnly()).as(where + " is mounted read-only").isTrue();
                checked.add(relative.toString());
            }
        }
        assertThat(checked).contains("sql", "job/target/staffroom-job.jar",
                "datagen/target/staffroom-datagen-0.1.0-SNAPSHOT.jar", "datagen/target/dependency",
                "collect/target/staffroom-collect-0.1.0-SNAPSHOT.jar", "collect/target/dependency",
                "grafana/provisioning", "grafana/dashboards");
    }

    /** A path under MODULE/target: the module exists and the file header says how to build it. */
    private static void assertBuildOutput(String where, Path relative, int target, Compose.Volume v) throws Exception {
        assertThat(target).as(where + ": directly under a module's target/").isEqualTo(1);
        String module = relative.getName(0).toString();
        assertThat(modules()).as(where + ": a module of the build").contains(module);
        String output = relative.subpath(2, relative.getNameCount()).toString();
        Document pom = xml(root.resolve(module).resolve("pom.xml"));
        if (output.equals("dependency")) {
            assertThat(header).as(where + ": the header documents how to copy " + module + "'s dependencies")
                    .contains("-pl " + module + " dependency:copy-dependencies -DincludeScope=runtime");
        } else {
            String artifact = text(pom, "artifactId") + "-" + text(pom, "version") + ".jar";
            Set<String> produced = new TreeSet<>(List.of(artifact));
            NodeList outputs = pom.getElementsByTagName("outputFile");
            for (int i = 0; i < outputs.getLength(); i++) {
                produced.add(Path.of(outputs.item(i).getTextContent().trim()).getFileName().toString());
            }
            assertThat(produced).as(where + ": a file the module's build writes").contains(output);
            assertThat(header).as(where + ": the header documents the build").contains("mvn -B -q install -DskipTests")
                    .contains(relative.toString());
        }
        // a missing build output must stop Compose, not become an empty directory in the repository
        assertThat(v.node().path("bind").path("create_host_path").asBoolean(true)).as(where + ": create_host_path")
                .isFalse();
    }

    @Test
    void postgresLoadsTheSchemaFromSqlOnItsFirstStart() throws IOException {
        JsonNode postgres = compose.service("postgres");
        assertThat(Compose.volumes(postgres)).anySatisfy(v -> {
            assertThat(v.source()).isEqualTo("./sql");
            assertThat(v.target()).isEqualTo("/docker-entrypoint-initdb.d");
            assertThat(v.readOnly()).isTrue();
        });
        // the entrypoint runs *.sql in name order: the names must sort as the versions do
        List<String> migrations;
        try (Stream<Path> files = Files.list(root.resolve("sql"))) {
            migrations = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
        assertThat(migrations).isNotEmpty().allMatch(n -> n.matches("V\\d{3}__\\w+\\.sql"));
        assertThat(migrations).isSortedAccordingTo(Comparator.comparingInt(n -> Integer.parseInt(n.substring(1, 4))));
        Map<String, String> env = Compose.environment(postgres);
        assertThat(env).containsEntry("POSTGRES_DB", "staffroom");
        assertThat(postgres.path("healthcheck").path("test").toString())
                .contains("pg_isready").contains("-h 127.0.0.1");
    }

    @Test
    void submitRunsTheJobJarWithOptionsTheJobAccepts(@TempDir Path tmp) throws IOException {
        JsonNode submit = compose.service("submit");
        assertThat(submit.path("image").asText()).isEqualTo(compose.service("jobmanager").path("image").asText());
        List<String> entrypoint = Compose.arguments(submit.path("entrypoint"));
        assertThat(entrypoint.subList(0, 2)).containsExactly("/bin/bash", "-c");
        // the flink CLI's own options: detached, the JobManager's address, the state to start from
        assertThat(List.of(CliFrontendParser.DETACHED_OPTION.getOpt(), CliFrontendParser.ADDRESS_OPTION.getOpt(),
                CliFrontendParser.SAVEPOINT_PATH_OPTION.getLongOpt())).containsExactly("d", "m", "fromSavepoint");
        assertThat(entrypoint.get(2)).contains("exec flink run -d -m jobmanager:8081 \"${restore[@]}\" \"$@\"")
                .contains("restore=(--fromSavepoint \"$STAFFROOM_RESTORE_FROM\")");
        assertThat(Compose.environment(submit)).containsEntry("STAFFROOM_RESTORE_FROM", "");

        List<String> command = Compose.arguments(submit.path("command"));
        String jar = command.get(0);
        assertThat(Compose.volumes(submit)).anySatisfy(v -> {
            assertThat(v.source()).isEqualTo("./job/target/staffroom-job.jar");
            assertThat(v.target()).isEqualTo(jar);
        });
        List<String> args = new ArrayList<>(command.subList(1, command.size()));
        // the password file is the job's copy of its login's password, which exists in the container only
        int passwordFile = args.indexOf("--jdbc-password-file") + 1;
        assertThat(args.get(passwordFile)).isEqualTo(SECRETS + "/job/job.pw");
        assertThat(Compose.volumes(submit)).anySatisfy(v -> assertThat(v.target()).isEqualTo(SECRETS));
        args.set(passwordFile, Files.writeString(tmp.resolve("job.pw"), "generated").toString());
        StaffroomConfig.Parsed parsed = StaffroomConfig.parse(args.toArray(new String[0]));
        assertThat(parsed.config).as("the job refuses %s: %s", args, parsed.message).isNotNull();
        assertThat(parsed.exitCode).isZero();

        StaffroomConfig config = parsed.config;
        assertThat(config.bootstrapServers()).isEqualTo(internalKafka());
        assertThat(config.topic()).isEqualTo(createdTopic());
        Map<String, String> postgres = Compose.environment(compose.service("postgres"));
        assertThat(config.jdbc().url()).isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
        // the login db-logins creates in staffroom_writer, never the superuser
        assertThat(config.jdbc().user()).isEqualTo(logins().get("JOB_LOGIN")).isNotEqualTo(postgres.get("POSTGRES_USER"));

        // the client sees none of the cluster's settings: the job is given the cluster's checkpoint directory
        assertThat(config.checkpointDir()).hasToString(
                flinkProperties("jobmanager").get("execution.checkpointing.dir"));
        assertThat(StaffroomJob.inMemoryCheckpointsRefusal(StaffroomJob.flinkConfiguration(config))).isEmpty();

        // -m is the jobmanager's REST endpoint
        assertThat(new Configuration().get(RestOptions.PORT)).isEqualTo(8081);
        assertThat(dependencies(submit)).containsEntry("jobmanager", "service_healthy")
                .containsEntry("db-logins", "service_completed_successfully")
                .containsEntry("kafka-init", "service_completed_successfully");
    }

    @Test
    void datagenGeneratesAndReplaysWithOptionsDatagenAccepts(@TempDir Path tmp) throws Exception {
        JsonNode datagen = compose.service("datagen");
        List<String> command = Compose.arguments(datagen.path("command"));
        assertThat(command.subList(0, 2)).containsExactly("/bin/bash", "-c");
        String script = command.get(2).replace("\\\n", " ");

        Map<String, String> variables = new HashMap<>(Compose.environment(datagen));
        int weeks = Integer.parseInt(variables.get("DATAGEN_WEEKS"));
        // what `date -u -d "$((7 * DATAGEN_WEEKS)) days ago" +%F` gives today
        variables.put("start", LocalDate.now(ZoneOffset.UTC).minusDays(7L * weeks).toString());
        List<List<String>> runs = new ArrayList<>();
        for (String line : script.split("\n")) {
            line = line.strip();
            Matcher assignment = Pattern.compile("(\\w+)=(.*)").matcher(line);
            if (assignment.matches() && !variables.containsKey(assignment.group(1))) {
                variables.put(assignment.group(1), String.join(" ", ShellWords.split(assignment.group(2), variables)));
            } else if (line.contains("org.staffroom.datagen.DatagenCli")) {
                List<String> words = new ArrayList<>(ShellWords.split(line, variables));
                if (words.get(0).equals("exec")) {
                    words.remove(0);
                }
                assertThat(words.subList(0, 2)).containsExactly("java", "-cp");
                assertClasspathIsMounted(datagen, words.get(2));
                assertThat(words.get(3)).isEqualTo(DatagenCli.class.getName());
                runs.add(words.subList(4, words.size()));
            }
        }
        assertThat(runs).extracting(r -> r.get(0)).containsExactly("generate", "replay");

        // generate, for real, into a temporary file instead of the container's
        List<String> generate = new ArrayList<>(runs.get(0));
        int output = generate.indexOf("--output") + 1;
        String containerFile = generate.get(output);
        Path file = tmp.resolve("posts.jsonl");
        generate.set(output, file.toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DatagenCli.execute(new ByteArrayOutputStream(), new PrintStream(err, true, StandardCharsets.UTF_8),
                generate.toArray(new String[0]));
        assertThat(exit).as("datagen %s: %s", generate, err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.size(file)).isPositive();

        // replay: what picocli parses, validated by datagen's own option rules
        List<String> replay = runs.get(1);
        ParseResult parsed;
        try {
            parsed = new CommandLine(new DatagenCli()).parseArgs(replay.toArray(new String[0])).subcommand();
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError("datagen refuses " + replay + ": " + e.getMessage(), e);
        }
        assertThat(parsed.commandSpec().name()).isEqualTo("replay");
        assertThat(parsed.matchedPositionals()).hasSize(1);
        assertThat(parsed.matchedPositionals().get(0).stringValues()).containsExactly(containerFile);
        ReplayOptions.Builder options = ReplayOptions.builder(file);
        for (var option : parsed.matchedOptions()) {
            String value = option.stringValues().get(0);
            switch (option.longestName()) {
                case "--bootstrap-servers" -> options.bootstrapServers(value);
                case "--topic" -> options.topic(value);
                case "--speed" -> options.speed(Double.parseDouble(value));
                case "--progress-interval" -> options.progressInterval(DurationConverter.parse(value));
                default -> fail("replay option %s is not checked by this test yet", option.longestName());
            }
        }
        ReplayOptions replayOptions = options.build();
        assertThat(replayOptions.bootstrapServers).isEqualTo(internalKafka());
        assertThat(replayOptions.topic).isEqualTo(createdTopic());
        assertThat(replayOptions.paced()).isTrue();
        assertThat(dependencies(datagen)).containsEntry("kafka-init", "service_completed_successfully");
    }

    /**
     * The live collectors run in the profile {@code collect} only, so that {@code docker compose up}
     * still runs the generator; with the profile and datagen scaled to 0 they feed the topic instead.
     * Their options are parsed by the collectors' own command line in the collect module's tests.
     */
    @Test
    void theCollectorsRunLiveInTheProfileCollectInsteadOfTheGenerator() {
        assertThat(compose.service("datagen").has("profiles")).as("datagen runs without a profile").isFalse();
        assertThat(header).contains("docker compose --profile collect up -d --scale datagen=0");
        for (String collector : COLLECTORS) {
            JsonNode service = compose.service(collector);
            assertThat(Compose.arguments(service.path("profiles"))).as(collector).containsExactly("collect");
            List<String> command = Compose.arguments(service.path("command"));
            assertThat(command.subList(0, 2)).containsExactly("java", "-cp");
            assertClasspathIsMounted(service, command.get(2));
            assertThat(command.subList(3, 5)).containsExactly("org.staffroom.collect.CollectCli",
                    collector.substring("collect-".length()));
            assertThat(optionValue(command, "--bootstrap-servers")).as(collector).isEqualTo(internalKafka());
            assertThat(optionValue(command, "--topic")).as(collector).isEqualTo(createdTopic());
            assertThat(optionValue(command, "--hashtags")).as(collector).isEqualTo("ukedchat,sltchat,primedchat,edusky");
            // their positions survive a restart: in a volume, where they run
            assertThat(Compose.volumes(service)).anySatisfy(v -> {
                assertThat(v.source()).isEqualTo("collect-data");
                assertThat(v.target()).isEqualTo("/data");
            });
            assertThat(service.path("working_dir").asText()).isEqualTo("/data");
            assertThat(service.path("restart").asText()).isEqualTo("unless-stopped");
            assertThat(dependencies(service)).containsEntry("kafka-init", "service_completed_successfully");
        }
        assertThat(optionValue(Compose.arguments(compose.service("collect-bluesky").path("command")), "--cursor-file"))
                .startsWith("/data/");
        assertThat(optionValue(Compose.arguments(compose.service("collect-mastodon").path("command")), "--state-file"))
                .startsWith("/data/");
    }

    private static String optionValue(List<String> command, String option) {
        int i = command.indexOf(option);
        assertThat(i).as("%s in %s", option, command).isNotNegative();
        return command.get(i + 1);
    }

    /** Every entry of the java -cp is a file or directory mounted into the container. */
    private static void assertClasspathIsMounted(JsonNode service, String classpath) {
        List<String> targets = Compose.volumes(service).stream().map(Compose.Volume::target).toList();
        for (String entry : classpath.split(":")) {
            assertThat(targets).as("classpath entry %s", entry).contains(entry.replaceFirst("/\\*$", ""));
        }
    }

    @Test
    void flinkIsASessionClusterWithCheckpointsOnASharedVolume() {
        Map<String, String> jm = flinkProperties("jobmanager");
        Map<String, String> tm = flinkProperties("taskmanager");
        assertThat(tm).isEqualTo(jm);
        Map<String, ConfigOption<?>> known = configOptions(CoreOptions.class, JobManagerOptions.class,
                TaskManagerOptions.class, StateBackendOptions.class, CheckpointingOptions.class, RestOptions.class);
        Configuration conf = Configuration.fromMap(jm);
        jm.forEach((key, value) -> {
            if (key.startsWith("metrics.reporter.prom.")) {
                return; // a reporter's settings, named by the reporter: see prometheusScrapesBothFlinkProcesses…
            }
            assertThat(known).as("%s is a current Flink 2 option (not a deprecated or removed key)", key)
                    .containsKey(key);
            assertThatCode(() -> conf.get(known.get(key))).as("%s: %s", key, value).doesNotThrowAnyException();
        });
        assertThat(conf.get(JobManagerOptions.ADDRESS)).isEqualTo("jobmanager");
        assertThat(conf.get(TaskManagerOptions.NUM_TASK_SLOTS)).isEqualTo(2);
        assertThat(conf.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(2);
        for (String dir : List.of(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY),
                conf.get(CheckpointingOptions.SAVEPOINT_DIRECTORY))) {
            assertThat(dir).startsWith("file:///");
            String path = dir.substring("file://".length());
            for (String service : List.of("jobmanager", "taskmanager")) {
                assertThat(Compose.volumes(compose.service(service))).as("%s mounts a volume holding %s", service, dir)
                        .anySatisfy(v -> {
                            assertThat(v.isHostPath()).isFalse();
                            assertThat(path).startsWith(v.target() + "/");
                        });
            }
        }
        assertThat(compose.service("jobmanager").path("command").asText()).isEqualTo("jobmanager");
        assertThat(compose.service("taskmanager").path("command").asText()).isEqualTo("taskmanager");
        assertThat(publishedPorts(compose.service("jobmanager"))).containsValue(8081);
    }

    @Test
    void kafkaIsOneKraftNodeWithTheTopicCreated() {
        Map<String, String> env = Compose.environment(compose.service("kafka"));
        assertThat(env.get("KAFKA_PROCESS_ROLES").split(",")).containsExactlyInAnyOrder("broker", "controller");
        Map<String, String> listeners = listeners(env.get("KAFKA_LISTENERS"));
        Map<String, String> advertised = listeners(env.get("KAFKA_ADVERTISED_LISTENERS"));
        String controller = env.get("KAFKA_CONTROLLER_LISTENER_NAMES");
        assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
                .isEqualTo(env.get("KAFKA_NODE_ID") + "@kafka" + listeners.get(controller));
        assertThat(listeners(env.get("KAFKA_LISTENERS")).keySet())
                .containsExactlyInAnyOrderElementsOf(protocolMap(env).keySet());
        assertThat(advertised.get(env.get("KAFKA_INTER_BROKER_LISTENER_NAME"))).isEqualTo("kafka:19092");
        assertThat("kafka:19092").isEqualTo(internalKafka());
        // the host listener is the published port
        Map<String, Integer> published = publishedPorts(compose.service("kafka"));
        assertThat(advertised).containsValue("localhost:" + published.keySet().iterator().next().split(":")[1]);
        assertThat(listeners.values()).contains(":" + published.values().iterator().next());
        assertThatCode(() -> Uuid.fromString(env.get("CLUSTER_ID"))).doesNotThrowAnyException();
        assertThat(env).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");

        List<String> init = Compose.arguments(compose.service("kafka-init").path("command"));
        assertThat(init.get(0)).endsWith("/kafka-topics.sh");
        assertThat(init).contains("--create", "--if-not-exists");
        assertThat(init.get(init.indexOf("--bootstrap-server") + 1)).isEqualTo(internalKafka());
        assertThat(init.get(init.indexOf("--partitions") + 1)).isEqualTo("4");
        assertThat(createdTopic()).isEqualTo("edu.posts");
        assertThat(dependencies(compose.service("kafka-init"))).containsEntry("kafka", "service_healthy");
    }

    @Test
    void everyPublishedPortIsOnLoopbackAndDocumentedAtTheTop() {
        Set<Integer> published = new TreeSet<>();
        fields(compose.resolved.path("services")).forEach(s -> publishedPorts(s.getValue()).forEach((host, port) -> {
            assertThat(host).as("%s publishes %s", s.getKey(), host).startsWith("127.0.0.1:");
            int hostPort = Integer.parseInt(host.substring(host.indexOf(':') + 1));
            assertThat(header).as("port %d is documented in the header", hostPort)
                    .containsPattern("\\b" + hostPort + "\\b");
            published.add(hostPort);
        }));
        assertThat(published).containsExactlyInAnyOrderElementsOf(DOCUMENTED_PORTS);
    }

    @Test
    void dependenciesOnHealthWaitForARealHealthcheck() {
        fields(compose.resolved.path("services")).forEach(s -> dependencies(s.getValue()).forEach((on, condition) -> {
            assertThat(compose.resolved.path("services").has(on)).as("%s depends on %s", s.getKey(), on).isTrue();
            if (condition.equals("service_healthy")) {
                assertThat(compose.service(on).path("healthcheck").path("test").isMissingNode())
                        .as("%s has a healthcheck", on).isFalse();
            }
            if (condition.equals("service_completed_successfully")) {
                assertThat(compose.service(on).path("restart").asText()).as("%s is a one-shot", on).isEqualTo("no");
            }
        }));
    }

    @Test
    void noPasswordIsWrittenInTheFileOrPassedOnACommandLine() throws IOException {
        assertThat(Files.readString(root.resolve("docker-compose.yml"))).doesNotContain("staffroom-local");
        fields(compose.resolved.path("services")).forEach(s -> Compose.environment(s.getValue()).forEach((name, value) -> {
            if (name.contains("PASSWORD")) {
                assertThat(name).as("%s of %s names a file", name, s.getKey()).endsWith("_FILE");
                assertThat(value).as("%s of %s", name, s.getKey()).startsWith(SECRETS + "/");
            }
        }));
        assertThat(header).contains("No password is written in this file or has a default");
        fields(compose.resolved.path("services")).forEach(s -> {
            List<String> words = new ArrayList<>(Compose.arguments(s.getValue().path("command")));
            words.addAll(Compose.arguments(s.getValue().path("entrypoint")));
            assertThat(words).as(s.getKey()).noneMatch(w -> w.contains("password=") || w.equals("--jdbc-password"));
            // only secrets-init writes the secrets
            Compose.volumes(s.getValue()).stream().filter(v -> v.target().equals(SECRETS)).forEach(v -> {
                assertThat(v.source()).isEqualTo("secrets");
                assertThat(v.readOnly()).as("%s mounts the secrets read-only", s.getKey())
                        .isEqualTo(!s.getKey().equals("secrets-init"));
            });
        });
    }

    @Test
    void secretsAreGeneratedOnceIntoFilesOnlyTheirReaderMayRead(@TempDir Path tmp) throws Exception {
        Map<String, String> env = Compose.environment(compose.service("secrets-init"));
        assertThat(env).containsEntry("SECRETS_DIR", SECRETS);
        // the users the images run as: postgres in postgres:17, grafana in grafana/grafana, flink, which submit runs as
        assertThat(env).containsEntry("POSTGRES_UID", "999").containsEntry("GRAFANA_UID", "472")
                .containsEntry("JOB_UID", "9999");
        assertThat(compose.service("submit").path("user").asText()).isEqualTo("9999:9999");
        generateSecrets(tmp);
        Map<Path, String> first = secretFiles(tmp);
        assertThat(first.keySet()).extracting(Path::toString).containsExactlyInAnyOrder("all/superuser.pw",
                "all/job.pw", "all/reader.pw", "all/grafana-admin.pw", "postgres/superuser.pw", "job/job.pw",
                "grafana/reader.pw", "grafana/grafana-admin.pw");
        assertThat(first.values()).allSatisfy(password -> assertThat(password).matches("[A-Za-z0-9]{32}"));
        assertThat(new TreeSet<>(first.values())).as("four different passwords").hasSize(4);
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : files.filter(f -> !f.equals(tmp)).toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(tmp.relativize(f).toString())
                        .isEqualTo(Files.isDirectory(f) ? "rwx------" : "rw-------");
            }
        }
        generateSecrets(tmp);
        assertThat(secretFiles(tmp)).as("generated on the first start only").isEqualTo(first);

        // each reader finds its file there
        Map<String, String> postgres = Compose.environment(compose.service("postgres"));
        String grafanaScript = Compose.arguments(compose.service("grafana").path("entrypoint")).get(2);
        Matcher read = Pattern.compile("cat (" + Pattern.quote(SECRETS) + "/\\S+)\\)").matcher(grafanaScript);
        List<String> used = new ArrayList<>(List.of(postgres.get("POSTGRES_PASSWORD_FILE"), SECRETS + "/job/job.pw"));
        while (read.find()) {
            used.add(read.group(1));
        }
        assertThat(used).containsExactlyInAnyOrder(SECRETS + "/postgres/superuser.pw", SECRETS + "/job/job.pw",
                SECRETS + "/grafana/grafana-admin.pw", SECRETS + "/grafana/reader.pw");
        assertThat(grafanaScript).endsWith("exec /run.sh\n");
    }

    @Test
    void theJobAndGrafanaLogInAsMembersOfTheSchemasRoles(@TempDir Path tmp) throws Exception {
        generateSecrets(tmp);
        try (EmbeddedPostgres server = EmbeddedPostgres.start(null)) {
            String url = server.createDatabase("compose_logins");
            SchemaMigrations.apply(url, server.user(), server.password());
            Map<String, String> env = new HashMap<>(logins());
            assertThat(env).containsEntry("PGHOST", "postgres").containsEntry("PGUSER", "postgres")
                    .containsEntry("PGDATABASE", Compose.environment(compose.service("postgres")).get("POSTGRES_DB"));
            env.putAll(Map.of("SECRETS_DIR", tmp.toString(), "PGHOST", "localhost",
                    "PGPORT", Integer.toString(server.port()), "PGDATABASE", "compose_logins"));
            // created on the first start, brought up to date on every later one
            runScript("db-logins", "command", env);
            runScript("db-logins", "command", env);

            List<String> roles = QueryRows.of(url, server.user(), server.password(), "SELECT r.rolname, r.rolsuper, "
                    + "r.rolcanlogin, r.rolcreaterole, array_agg(g.rolname ORDER BY g.rolname) AS member_of "
                    + "FROM pg_roles r JOIN pg_auth_members m ON m.member = r.oid JOIN pg_roles g ON g.oid = m.roleid "
                    + "WHERE r.rolname IN ('staffroom_job', 'staffroom_grafana') GROUP BY 1, 2, 3, 4 ORDER BY 1");
            assertThat(roles).containsExactly(
                    "rolname=staffroom_grafana|rolsuper=f|rolcanlogin=t|rolcreaterole=f|member_of={staffroom_reader}",
                    "rolname=staffroom_job|rolsuper=f|rolcanlogin=t|rolcreaterole=f|member_of={staffroom_writer}");
        }
        List<String> submit = Compose.arguments(compose.service("submit").path("command"));
        assertThat(submit.get(submit.indexOf("--jdbc-user") + 1)).isEqualTo("staffroom_job");
        assertThat(logins()).containsEntry("JOB_LOGIN", "staffroom_job").containsEntry("READER_LOGIN", "staffroom_grafana");
        assertThat(Compose.environment(compose.service("grafana"))).containsEntry("STAFFROOM_READER_USER", "staffroom_grafana");
        assertThat(dependencies(compose.service("grafana"))).containsEntry("db-logins", "service_completed_successfully");
    }

    private static Map<String, String> logins() {
        return Compose.environment(compose.service("db-logins"));
    }

    /** secrets-init's script, for real, into {@code dir}, every file for this test's own user. */
    private static void generateSecrets(Path dir) throws Exception {
        String uid = Files.getAttribute(dir, "unix:uid").toString();
        Map<String, String> env = new HashMap<>(Compose.environment(compose.service("secrets-init")));
        env.putAll(Map.of("SECRETS_DIR", dir.toString(), "POSTGRES_UID", uid, "GRAFANA_UID", uid, "JOB_UID", uid));
        runScript("secrets-init", "command", env);
    }

    /** Each file under {@code dir} (relative) and its content. */
    private static Map<Path, String> secretFiles(Path dir) throws IOException {
        Map<Path, String> out = new HashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f), Files.readString(f));
            }
        }
        return out;
    }

    /** A service's {@code bash -c} script (its command or entrypoint) run here with {@code env}; it must succeed. */
    private static void runScript(String service, String key, Map<String, String> env) throws Exception {
        List<String> words = Compose.arguments(compose.service(service).path(key));
        assertThat(words.subList(0, 2)).containsExactly("/bin/bash", "-c");
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", words.get(2)).redirectErrorStream(true);
        bash.environment().clear();
        bash.environment().put("PATH", System.getenv("PATH"));
        bash.environment().putAll(env);
        Process p = bash.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("%s: %s", service, output).isZero();
    }

    /**
     * Flink's JobManager and TaskManager report to Prometheus on the port the compose Prometheus
     * scrapes, which loads the repository's alert rules (checked by promtool in PrometheusTest), and
     * Grafana has it as a data source.
     */
    @Test
    void prometheusScrapesBothFlinkProcessesAndLoadsTheAlertRules() throws IOException {
        for (String flink : List.of("jobmanager", "taskmanager")) {
            JsonNode properties = Compose.YAML.readTree(Compose.environment(compose.service(flink)).get("FLINK_PROPERTIES"));
            assertThat(properties.path("metrics.reporter.prom.factory.class").asText()).as(flink)
                    .isEqualTo("org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
            assertThat(properties.path("metrics.reporter.prom.port").asInt()).as(flink).isEqualTo(9249);
        }
        JsonNode prometheus = compose.service("prometheus");
        Map<String, String> mounted = new HashMap<>();
        Compose.volumes(prometheus).stream().filter(Compose.Volume::isHostPath)
                .forEach(v -> mounted.put(v.target(), v.source()));
        assertThat(mounted).containsEntry("/etc/prometheus/prometheus.yml", "./prometheus/prometheus.yml")
                .containsEntry("/etc/prometheus/alerts.yml", "./prometheus/alerts.yml");
        JsonNode config = Compose.YAML.readTree(root.resolve("prometheus/prometheus.yml").toFile());
        assertThat(config.path("rule_files")).extracting(JsonNode::asText).containsExactly("/etc/prometheus/alerts.yml");
        List<String> targets = new ArrayList<>();
        config.path("scrape_configs").forEach(job -> job.path("static_configs")
                .forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText()))));
        assertThat(targets).containsExactlyInAnyOrder("jobmanager:9249", "taskmanager:9249");

        JsonNode datasource = Compose.YAML.readTree(
                root.resolve("grafana/provisioning/datasources/prometheus.yaml").toFile()).path("datasources").get(0);
        assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
        assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:9090");
        // the operations dashboard, in a folder of the provisioned directory (Grafana reads it whole), reads Prometheus
        JsonNode operations = Compose.YAML.readTree(
                root.resolve("grafana/dashboards/operations/staffroom-operations.json").toFile());
        assertThat(operations.findValues("datasource")).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref.path("type").asText()).isEqualTo("prometheus");
            assertThat(ref.path("uid").asText()).isEqualTo(datasource.path("uid").asText());
        });
    }

    @Test
    void grafanaIsProvisionedFromTheRepository() throws IOException {
        JsonNode grafana = compose.service("grafana");
        Map<String, String> targets = new HashMap<>();
        Compose.volumes(grafana).stream().filter(Compose.Volume::isHostPath)
                .forEach(v -> targets.put(v.source(), v.target()));
        assertThat(targets).containsEntry("./grafana/provisioning", "/etc/grafana/provisioning");
        String dashboardsInContainer = targets.get("./grafana/dashboards");
        assertThat(dashboardsInContainer).isNotNull();

        JsonNode providers =
                Compose.YAML.readTree(root.resolve("grafana/provisioning/dashboards/staffroom.yaml").toFile());
        assertThat(providers.path("providers")).hasSize(1);
        assertThat(providers.path("providers").get(0).path("options").path("path").asText())
                .isEqualTo(dashboardsInContainer);

        Map<String, String> env = new HashMap<>(Compose.environment(grafana));
        assertThat(env).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "false");
        // the passwords the entrypoint reads from files and exports
        Matcher exported = Pattern.compile("export ([\\w ]+)\n").matcher(
                Compose.arguments(grafana.path("entrypoint")).get(2));
        assertThat(exported.find()).isTrue();
        for (String name : exported.group(1).split(" ")) {
            env.put(name, "from-a-file");
        }
        Path datasourceFile = root.resolve("grafana/provisioning/datasources/staffroom.yaml");
        String datasourceText = Files.readString(datasourceFile);
        Matcher referenced = Pattern.compile("\\$\\{?(\\w+)}?").matcher(datasourceText);
        while (referenced.find()) {
            assertThat(env).as("grafana's environment sets $%s for %s", referenced.group(1), datasourceFile)
                    .containsKey(referenced.group(1));
        }
        JsonNode datasources = Compose.YAML.readTree(Compose.interpolate(datasourceText, env)).path("datasources");
        assertThat(datasources).hasSize(1);
        JsonNode ds = datasources.get(0);
        assertThat(ds.path("type").asText()).isEqualTo("grafana-postgresql-datasource");
        Map<String, String> postgres = Compose.environment(compose.service("postgres"));
        assertThat(ds.path("url").asText()).isEqualTo("postgres:5432");
        assertThat(ds.path("jsonData").path("database").asText()).isEqualTo(postgres.get("POSTGRES_DB"));
        // the login db-logins creates in staffroom_reader, its password from the file of secrets-init
        assertThat(ds.path("user").asText()).isEqualTo(logins().get("READER_LOGIN"));
        assertThat(ds.path("secureJsonData").path("password").asText()).isEqualTo("from-a-file");
        String uid = ds.path("uid").asText();

        List<GrafanaDashboards.Dashboard> dashboards = GrafanaDashboards.load();
        assertThat(dashboards).extracting(GrafanaDashboards.Dashboard::title).containsExactlyInAnyOrder(
                "Staffroom — live chat", "Staffroom — chat history", "Staffroom — hashtag explorer");
        assertThat(dashboards).extracting(d -> d.json().path("uid").asText()).doesNotHaveDuplicates();
        for (GrafanaDashboards.Dashboard d : dashboards) {
            List<JsonNode> refs = new ArrayList<>(d.json().findValues("datasource"));
            assertThat(refs).as(d.title()).isNotEmpty().allSatisfy(ref -> {
                assertThat(ref.path("type").asText()).isEqualTo("grafana-postgresql-datasource");
                assertThat(ref.path("uid").asText()).isEqualTo(uid);
            });
            assertThat(d.panels()).as(d.title()).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.path("targets")).as(p.path("title").asText()).isNotEmpty())
                    .extracting(p -> p.path("id").asInt()).doesNotHaveDuplicates();
        }
        String home = env.get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
        assertThat(home).startsWith(dashboardsInContainer + "/");
        assertThat(root.resolve("grafana/dashboards").resolve(home.substring(dashboardsInContainer.length() + 1)))
                .exists();
    }

    // ---------------------------------------------------------------------------------------------

    private static String internalKafka() {
        Map<String, String> env = Compose.environment(compose.service("kafka"));
        return listeners(env.get("KAFKA_ADVERTISED_LISTENERS")).get(env.get("KAFKA_INTER_BROKER_LISTENER_NAME"));
    }

    private static String createdTopic() {
        List<String> init = Compose.arguments(compose.service("kafka-init").path("command"));
        return init.get(init.indexOf("--topic") + 1);
    }

    /** NAME://host:port,... → NAME → host:port. */
    private static Map<String, String> listeners(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : value.split(",")) {
            int sep = l.indexOf("://");
            out.put(l.substring(0, sep), l.substring(sep + 3));
        }
        return out;
    }

    private static Map<String, String> protocolMap(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
            String[] kv = entry.split(":");
            out.put(kv[0], kv[1]);
        }
        return out;
    }

    /** "127.0.0.1:9092" → 9092 for each "127.0.0.1:9092:9092". */
    private static Map<String, Integer> publishedPorts(JsonNode service) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (JsonNode p : service.path("ports")) {
            String[] parts = p.asText().split(":");
            assertThat(parts).as("ports entry %s is IP:HOST:CONTAINER", p.asText()).hasSize(3);
            out.put(parts[0] + ":" + parts[1], Integer.parseInt(parts[2]));
        }
        return out;
    }

    private static Map<String, String> dependencies(JsonNode service) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode d = service.path("depends_on");
        if (d.isArray()) {
            d.forEach(n -> out.put(n.asText(), "service_started"));
        } else {
            fields(d).forEach(f -> out.put(f.getKey(), f.getValue().path("condition").asText("service_started")));
        }
        return out;
    }

    private static Map<String, String> flinkProperties(String service) {
        String text = Compose.environment(compose.service(service)).get("FLINK_PROPERTIES");
        assertThat(text).as("FLINK_PROPERTIES of %s", service).isNotBlank();
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                int colon = line.indexOf(':');
                out.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return out;
    }

    /** Every ConfigOption declared in these classes, by its current key. */
    private static Map<String, ConfigOption<?>> configOptions(Class<?>... classes) {
        Map<String, ConfigOption<?>> out = new HashMap<>();
        for (Class<?> c : classes) {
            for (Field f : c.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && ConfigOption.class.isAssignableFrom(f.getType())) {
                    try {
                        ConfigOption<?> option = (ConfigOption<?>) f.get(null);
                        out.put(option.key(), option);
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        return out;
    }

    private static List<String> modules() throws Exception {
        NodeList nodes = xml(root.resolve("pom.xml")).getElementsByTagName("module");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().trim());
        }
        return out;
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    /** The project's own element (artifactId, version), falling back to the parent's. */
    private static String text(Document pom, String element) {
        for (org.w3c.dom.Node n = pom.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals(element)) {
                return n.getTextContent().trim();
            }
        }
        NodeList parent = pom.getElementsByTagName("parent");
        for (org.w3c.dom.Node n = parent.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals(element)) {
                return n.getTextContent().trim();
            }
        }
        throw new AssertionError("no " + element + " in pom");
    }

    private static int indexOf(Path path, String name) {
        for (int i = 0; i < path.getNameCount(); i++) {
            if (path.getName(i).toString().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        node.fields().forEachRemaining(out::add);
        return out;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
